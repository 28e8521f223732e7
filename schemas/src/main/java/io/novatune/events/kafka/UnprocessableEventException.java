package io.novatune.events.kafka;

import org.apache.avro.specific.SpecificRecord;

/**
 * Thrown by a listener for an event that decoded but can never be processed (an event type that does not
 * belong on the topic, a field that breaks the contract). The shared error handler does not retry it: the
 * record goes to {@code <topic>.DLT} at once, with this message as the reason.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    /** An event of a type the topic does not carry; every consumer words the reason the same way. */
    public static UnprocessableEventException misrouted(Object event, String topic) {
        String type = event instanceof SpecificRecord record ? record.getSchema().getFullName()
                : event == null ? "A null value" : event.getClass().getName();
        return new UnprocessableEventException(type + " does not belong on " + topic);
    }
}
