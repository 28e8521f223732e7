package io.novatune.events.kafka;

import java.util.Map;

import io.novatune.events.Topics;
import io.novatune.events.serde.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Publishes a failed record to {@code <topic>.DLT}, same partition, with spring-kafka's {@code kafka_dlt-*}
 * headers (original topic, partition, offset, exception class, message and stack trace) and the original
 * headers (so {@code traceparent} and {@code event-id} survive).
 * <p>
 * The value is either an event that decoded but failed in the listener, or the raw bytes of a record that
 * could not be decoded (the recoverer takes them from the {@code DeserializationException}): one producer
 * serializes both by type. It is its own producer, not the service's {@code KafkaTemplate} bean, so that
 * Boot's template (and its serializers) stay as they are.
 */
public final class EventDeadLetterPublisher implements DisposableBean {

    private final DefaultKafkaProducerFactory<Object, Object> producers;
    private final DeadLetterPublishingRecoverer recoverer;

    /** @param producerConfig the service's producer settings (bootstrap servers, security, acks); serializers are replaced */
    public EventDeadLetterPublisher(Map<String, Object> producerConfig) {
        this.producers = new DefaultKafkaProducerFactory<>(producerConfig, keySerializer(), valueSerializer());
        this.recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), record.partition()));
    }

    /** Keys are strings, or raw bytes when a key did not decode; null (no key) stays null. */
    static Serializer<Object> keySerializer() {
        return new DelegatingByTypeSerializer(Map.of(
                String.class, new StringSerializer(),
                byte[].class, new ByteArraySerializer()));
    }

    /** Raw bytes of an undecodable record as they were; an event re-encoded in the wire format. */
    static Serializer<Object> valueSerializer() {
        return new DelegatingByTypeSerializer(Map.of(
                byte[].class, new ByteArraySerializer(),
                SpecificRecord.class, new EventSerializer()), true); // assignable: any generated event class
    }

    public DeadLetterPublishingRecoverer recoverer() {
        return recoverer;
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
