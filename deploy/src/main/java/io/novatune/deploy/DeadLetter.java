package io.novatune.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.novatune.events.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record on a dead-letter topic as spring-kafka's {@code DeadLetterPublishingRecoverer} wrote it: the failed
 * record's key, value and headers, plus {@code kafka_dlt-*} headers saying where it came from and why it failed.
 *
 * @param fallbackTopic where to republish when the record does not name its original topic
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record, String fallbackTopic) {

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
        return header(ORIGINAL_TOPIC).orElse(fallbackTopic);
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
