package io.novatune.events.serde;

import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** Renders an event as JSON for people: the operator's {@code tail-topic} tool, logs. */
public final class EventJson {

    private EventJson() {
    }

    /**
     * One-line JSON of the event. Avro's own rendering is valid JSON with plain values for optional fields
     * and ISO-8601 strings for timestamps, unlike Avro's JSON encoding (union wrappers, epoch millis).
     */
    public static String toJson(SpecificRecord event) {
        return SpecificData.get().toString(event);
    }
}
