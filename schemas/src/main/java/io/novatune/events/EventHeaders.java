package io.novatune.events;

/** Kafka record header names every event carries (architecture §3 "Wire format"). */
public final class EventHeaders {

    /** Avro full name of the event, e.g. {@code io.novatune.events.TrackAdded}: lets a consumer filter without decoding. */
    public static final String EVENT_TYPE = "event-type";

    /** The event's {@code eventId}: lets tools trace and de-duplicate without decoding. */
    public static final String EVENT_ID = "event-id";

    /** W3C trace context, carried from the HTTP request through the outbox into every consumer. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
