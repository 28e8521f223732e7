package io.novatune.deploy.redrive;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.novatune.deploy.kafka.RecordJson;
import io.novatune.events.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record on a dead-letter topic as spring-kafka's {@code DeadLetterPublishingRecoverer} wrote it: the failed
 * record's key, value and headers, plus {@code kafka_dlt-*} headers saying where it came from and why it failed.
 *
 * @param topic the topic the operator named: the only one it is republished to
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record, String topic) {

    /** Added to every republished record, so that a consumer's logs can tell a re-drive from a first delivery. */
    static final String REDRIVEN_FROM = "novatune-redriven-from";

    // spring-kafka's KafkaHeaders names; this module does not depend on spring-kafka for four strings.
    private static final String DEAD_LETTER_HEADERS = "kafka_dlt-";
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    // spring-kafka's carrier of a serialized deserialization exception: noise on a record that is sent again.
    private static final String DESERIALIZER_EXCEPTION_HEADERS = "springDeserializerException";

    String origin() {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }

    String destination() {
        return topic;
    }

    /**
     * The topic its {@code kafka_dlt-original-topic} header names, when that is not {@link #topic}: the operator's
     * ACLs and checks cover the named topic only, so such a record is never sent where its header points.
     */
    Optional<String> foreignOriginalTopic() {
        return header(ORIGINAL_TOPIC).filter(original -> !original.equals(topic));
    }

    /** The record as it is sent again: same key and value bytes, its own headers, and where it was re-driven from. */
    ProducerRecord<byte[], byte[]> republication() {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            String key = header.key();
            if (!key.startsWith(DEAD_LETTER_HEADERS) && !key.startsWith(DESERIALIZER_EXCEPTION_HEADERS) && !key.equals(REDRIVEN_FROM)) {
                headers.add(header);
            }
        }
        headers.add(REDRIVEN_FROM, origin().getBytes(StandardCharsets.UTF_8));
        // No partition and no timestamp: the key picks the partition as for the first delivery, and the record
        // is stamped now, so that a later replay --to-datetime finds it where it sits in the log.
        return new ProducerRecord<>(destination(), null, null, record.key(), record.value(), headers);
    }

    /** One line for the operator: where it is, where it goes, its key, event type and why it failed. */
    String describe() {
        return origin() + " -> " + destination()
                + " key=" + (record.key() == null ? "-" : RecordJson.text(record.key()))
                + " event-type=" + header(EventHeaders.EVENT_TYPE).orElse("-")
                + " exception=" + header(EXCEPTION_MESSAGE).map(message -> message.lines().findFirst().orElse("")).orElse("-");
    }

    private Optional<String> header(String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? Optional.empty() : Optional.of(RecordJson.text(header.value()));
    }
}
