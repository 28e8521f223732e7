package io.novatune.deploy.schemaimport;

/**
 * A schema registry refused a request: the HTTP status and, when the body is Confluent's
 * {@code {"error_code":..,"message":..}}, its code and message.
 */
final class RegistryException extends IllegalStateException {

    static final int NO_ERROR_CODE = -1;

    RegistryException(String request, int status, int errorCode, String registryMessage) {
        super("the registry answered " + request + " with HTTP " + status
                + (errorCode == NO_ERROR_CODE ? "" : ", error_code " + errorCode) + ": " + registryMessage
                + (status == 401 || status == 403
                        ? " (credentials: --basic-auth user:password or $" + SchemaImportOptions.BASIC_AUTH_ENVIRONMENT + ")"
                        : ""));
    }
}
