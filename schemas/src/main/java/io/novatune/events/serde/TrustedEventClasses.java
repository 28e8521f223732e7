package io.novatune.events.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12.2 loads a generated class for a schema only if its class security validator trusts it (a guard against
 * schemas that name arbitrary classes). The generated events of this module are trusted, once per JVM, on top of
 * whatever the application already trusts.
 */
final class TrustedEventClasses {

    private static final String EVENTS_PACKAGE = "io.novatune.events.";

    static {
        ClassSecurityValidator.ClassSecurityPredicate current = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(current,
                type -> type.getName().startsWith(EVENTS_PACKAGE)));
    }

    private TrustedEventClasses() {
    }

    /** Loading this class installs the trust; calling it again does nothing more. */
    static void install() {
    }
}
