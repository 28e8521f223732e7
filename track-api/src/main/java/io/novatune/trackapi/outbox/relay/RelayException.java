package io.novatune.trackapi.outbox.relay;

/** The relay cannot go on; it gives up leadership and tries again. */
public class RelayException extends RuntimeException {

    public RelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
