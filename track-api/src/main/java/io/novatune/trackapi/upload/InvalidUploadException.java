package io.novatune.trackapi.upload;

import io.novatune.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Map;

/**
 * The multipart request is not an upload we can take: a part missing, repeated or malformed, or metadata that
 * breaks the field rules. Answers like every validation failure: 400 with {@code errors} of {@code field} and
 * {@code message}.
 */
public class InvalidUploadException extends ErrorResponseException {

    public InvalidUploadException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidUploadException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    public record FieldError(String field, String message) {
    }

    private static ProblemDetail problem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s).");
        problem.setType(ProblemTypes.of("validation-failed"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }
}
