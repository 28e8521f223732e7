package io.novatune.events.kafka;

/**
 * Thrown by a listener for an event that decoded but can never be processed (an event type that does not
 * belong on the topic, a field that breaks the contract). The shared error handler does not retry it: the
 * record goes to {@code <topic>.DLT} at once, with this message as the reason.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }
}
