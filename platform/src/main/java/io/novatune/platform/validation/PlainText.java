package io.novatune.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person reads: no control characters (U+0000–U+001F, U+007F–U+009F). PostgreSQL refuses U+0000 in text,
 * which would otherwise surface as a 500; the others have no place in a title, a name or a search either. Every
 * text field and text query parameter of the APIs carries it, so each answers 400 naming the field.
 */
@Documented
@Pattern(regexp = "[^\\p{Cc}]*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
