package io.novatune.events.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads any event in the Confluent Schema Registry wire format. The writer schema comes from the pinned id;
 * the reader schema is the current generated class of the same full name, so a record written with an older
 * version resolves to today's class. Every failure is an {@link EventDecodingException}, so spring-kafka's
 * {@code ErrorHandlingDeserializer} can dead-letter the record. Thread-safe; Kafka creates it with the
 * no-arg constructor.
 */
public class EventDeserializer implements Deserializer<SpecificRecord> {

    static {
        TrustedEventClasses.install();
    }

    private final PinnedSchemas pinned;
    private final Map<Integer, DatumReader<SpecificRecord>> readers = new ConcurrentHashMap<>();

    public EventDeserializer() {
        this(PinnedSchemas.load());
    }

    public EventDeserializer(PinnedSchemas pinned) {
        this.pinned = pinned;
    }

    /** The event in {@code payload}, read with the bundled pinned ids (tools, tests, outbox readers). */
    public static SpecificRecord decode(byte[] payload) {
        if (payload == null) {
            throw new EventDecodingException("no payload: the record value is null");
        }
        return Default.INSTANCE.deserialize(null, payload);
    }

    /** A null value (a tombstone) stays null, as with every Kafka deserializer. */
    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < EventSerializer.HEADER_LENGTH) {
            throw new EventDecodingException("payload of " + data.length + " bytes is too short: the wire format"
                    + " starts with a 0x00 magic byte and a 4-byte schema id");
        }
        if (data[0] != EventSerializer.MAGIC_BYTE) {
            throw new EventDecodingException(String.format("wrong magic byte 0x%02X: expected 0x00"
                    + " (Confluent Schema Registry wire format)", data[0]));
        }
        int schemaId = ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
        DatumReader<SpecificRecord> reader = readers.computeIfAbsent(schemaId, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, EventSerializer.HEADER_LENGTH, data.length - EventSerializer.HEADER_LENGTH, null);
        try {
            SpecificRecord event = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IOException("bytes are left over after the event");
            }
            return event;
        } catch (IOException | RuntimeException e) {
            // EOF (truncated), bad lengths, unknown enum/union indexes: all mean the body is not this schema's data.
            throw new EventDecodingException("body of " + pinned.writerSchema(schemaId).getFullName()
                    + " (schema id " + schemaId + ") does not decode: " + e, e);
        }
    }

    private DatumReader<SpecificRecord> readerFor(int schemaId) {
        Schema writer = pinned.writerSchema(schemaId);
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null) {
            throw new EventDecodingException("schema id " + schemaId + " is " + writer.getFullName()
                    + ", which has no generated class on this classpath");
        }
        return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(type));
    }

    private static final class Default {
        static final EventDeserializer INSTANCE = new EventDeserializer();
    }
}
