package io.novatune.events.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value that is not a NovaTune event in the wire format. It extends Kafka's
 * {@link SerializationException} so that spring-kafka's {@code ErrorHandlingDeserializer}
 * hands the record to the error handler, which dead-letters it instead of retrying forever.
 */
public class EventDecodingException extends SerializationException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
