package io.novatune.trackapi.outbox;

import io.novatune.events.Topics;
import io.novatune.events.serde.EventSerializer;
import org.apache.avro.specific.SpecificRecord;

import java.util.UUID;

/**
 * One row of the outbox: an event already encoded in the wire format, with where it goes.
 *
 * @param id          the event id; Debezium's router puts it in the {@code event-id} header
 * @param aggregateId the Kafka record key
 */
public record OutboxEvent(
        UUID id,
        String aggregateType,
        String aggregateId,
        String topic,
        String eventType,
        byte[] payload,
        String traceparent) {

    /** The event's own {@code eventId} field becomes the row id, so headers and body agree. */
    public static OutboxEvent of(String aggregateType, String aggregateId, SpecificRecord event, String eventId,
                                 String traceparent) {
        return new OutboxEvent(
                UUID.fromString(eventId),
                aggregateType,
                aggregateId,
                Topics.topicOf(event.getClass()),
                event.getSchema().getFullName(),
                EventSerializer.encode(event),
                traceparent);
    }
}
