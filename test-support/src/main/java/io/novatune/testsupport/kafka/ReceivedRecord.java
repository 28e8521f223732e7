package io.novatune.testsupport.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.novatune.events.serde.EventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** One record as it is on the topic, headers included (a dead-letter topic holds anything, so decoding is on demand). */
public record ReceivedRecord(String topic, int partition, long offset, String key, byte[] value, Map<String, byte[]> headers) {

    static ReceivedRecord of(ConsumerRecord<String, byte[]> record) {
        Map<String, byte[]> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new ReceivedRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
    }

    /** The header's last value as text, or null. */
    public String header(String name) {
        byte[] value = headers.get(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The value decoded from the wire format. */
    public SpecificRecord event() {
        return EventDeserializer.decode(value);
    }

    /** Where a dead letter came from: spring-kafka writes the original partition and offset as binary numbers. */
    public String origin() {
        return ByteBuffer.wrap(headers.get("kafka_dlt-original-partition")).getInt() + "@"
                + ByteBuffer.wrap(headers.get("kafka_dlt-original-offset")).getLong();
    }
}
