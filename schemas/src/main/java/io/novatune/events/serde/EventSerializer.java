package io.novatune.events.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.novatune.events.EventHeaders;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an event in the Confluent Schema Registry wire format: byte {@code 0x00}, the 4-byte big-endian
 * pinned schema id, then the Avro binary body. Thread-safe; Kafka creates it with the no-arg constructor.
 */
public class EventSerializer implements Serializer<SpecificRecord> {

    static {
        TrustedEventClasses.install();
    }

    static final byte MAGIC_BYTE = 0x00;
    static final int HEADER_LENGTH = 5;

    private final PinnedSchemas pinned;
    private final Map<Class<?>, Prepared> prepared = new ConcurrentHashMap<>();

    public EventSerializer() {
        this(PinnedSchemas.load());
    }

    public EventSerializer(PinnedSchemas pinned) {
        this.pinned = pinned;
    }

    /** The wire bytes of {@code event} with the bundled pinned ids, e.g. for track-api's outbox. */
    public static byte[] encode(SpecificRecord event) {
        Objects.requireNonNull(event, "event");
        return Default.INSTANCE.serialize(null, event);
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord event) {
        if (event == null) {
            return null;
        }
        Prepared writer = prepared.computeIfAbsent(event.getClass(), type -> prepare(event.getSchema()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.write(writer.schemaId() >>> 24);
        out.write(writer.schemaId() >>> 16);
        out.write(writer.schemaId() >>> 8);
        out.write(writer.schemaId());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.datumWriter().write(event, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Typically a required field left null: name the event so the producer's bug is easy to find.
            throw new SerializationException("cannot encode " + event.getSchema().getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Also sets the {@code event-type} and {@code event-id} headers, which are derived from the event. */
    @Override
    public byte[] serialize(String topic, Headers headers, SpecificRecord event) {
        if (event != null && headers != null) {
            replace(headers, EventHeaders.EVENT_TYPE, event.getSchema().getFullName());
            Schema.Field eventId = event.getSchema().getField("eventId");
            if (eventId != null && event.get(eventId.pos()) != null) {
                replace(headers, EventHeaders.EVENT_ID, event.get(eventId.pos()).toString());
            }
        }
        return serialize(topic, event);
    }

    private static void replace(Headers headers, String key, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Header current = headers.lastHeader(key);
        // Left alone when already right: Kafka makes headers read-only once a record was sent, and it may be re-sent.
        if (current != null && Arrays.equals(current.value(), bytes)) {
            return;
        }
        headers.remove(key);
        headers.add(key, bytes);
    }

    private Prepared prepare(Schema schema) {
        return new Prepared(pinned.idOf(schema), new SpecificDatumWriter<>(schema));
    }

    private record Prepared(int schemaId, DatumWriter<SpecificRecord> datumWriter) {
    }

    private static final class Default {
        static final EventSerializer INSTANCE = new EventSerializer();
    }
}
