package io.novatune.lifecycle;

import io.novatune.events.EventHeaders;
import io.novatune.events.Topics;
import io.novatune.events.TrackPurged;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.events.serde.EventSerializer;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.SharedInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tests' side of the shared broker: publishes onto track-deleted as track-api's relay does (key = track id,
 * {@code event-type} and {@code event-id} headers) and records everything that appears on track-purged,
 * track-deleted and track-deleted.DLT since the broker started.
 */
public final class KafkaProbe {

    public static final int PARTITIONS = 3;
    public static final String DEAD_LETTERS = Topics.deadLetter(Topics.TRACK_DELETED);

    private static KafkaProbe shared;

    private final KafkaProducer<String, byte[]> producer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final EventDeserializer decoder = new EventDeserializer();

    public record Received(String topic, int partition, long offset, String key, byte[] value, Map<String, byte[]> headers) {

        public String header(String name) {
            byte[] value = headers.get(name);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
        }

        /** Where a dead letter came from: spring-kafka writes the original partition and offset as binary numbers. */
        public String origin() {
            return ByteBuffer.wrap(headers.get("kafka_dlt-original-partition")).getInt() + "@"
                    + ByteBuffer.wrap(headers.get("kafka_dlt-original-offset")).getLong();
        }
    }

    private KafkaProbe(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        Thread reader = new Thread(() -> read(bootstrapServers), "kafka-probe-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The shared broker with every topic of the contract and its dead-letter topic, 3 partitions each. */
    public static synchronized KafkaProbe shared() {
        if (shared == null) {
            KafkaServer kafka = SharedInfrastructure.kafka();
            List<String> topics = new ArrayList<>(Topics.all());
            Topics.all().forEach(topic -> topics.add(Topics.deadLetter(topic)));
            kafka.createTopics(topics, PARTITIONS);
            shared = new KafkaProbe(kafka.bootstrapServers());
        }
        return shared;
    }

    public static String bootstrapServers() {
        shared();
        return SharedInfrastructure.kafka().bootstrapServers();
    }

    /** Publishes an event to its topic, keyed by its track id, and waits for the acknowledgement. */
    public void publish(String trackId, SpecificRecord event) {
        publish(null, trackId, event);
    }

    /** The same, to one partition: records after a failing one on the same partition show it keeps moving. */
    public void publish(Integer partition, String trackId, SpecificRecord event) {
        publishTo(Topics.topicOf(event), partition, trackId, event);
    }

    /** The same, continuing the trace of a request in track-api (W3C {@code traceparent}). */
    public void publishTraced(String trackId, SpecificRecord event, String traceparent) {
        ProducerRecord<String, byte[]> record = record(Topics.topicOf(event), null, trackId, event);
        record.headers().add(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /** Any event onto any topic, even one it does not belong on. */
    public void publishTo(String topic, Integer partition, String trackId, SpecificRecord event) {
        send(record(topic, partition, trackId, event));
    }

    private static ProducerRecord<String, byte[]> record(String topic, Integer partition, String trackId, SpecificRecord event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, trackId, EventSerializer.encode(event));
        record.headers().add(EventHeaders.EVENT_TYPE, event.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.get(0).toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    public void publishRaw(String topic, int partition, String key, byte[] value) {
        send(new ProducerRecord<>(topic, partition, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /** Every {@code TrackPurged} published for this track so far, in order. */
    public List<TrackPurged> purged(String trackId) {
        return received.stream()
                .filter(record -> record.topic().equals(Topics.TRACK_PURGED) && trackId.equals(record.key()))
                .map(record -> (TrackPurged) decoder.deserialize(record.topic(), record.value()))
                .toList();
    }

    /** The records on track-purged for this track, as they are (headers included). */
    public List<Received> purgedRecords(String trackId) {
        return received.stream()
                .filter(record -> record.topic().equals(Topics.TRACK_PURGED) && trackId.equals(record.key()))
                .toList();
    }

    /** Every event on track-deleted for this track so far, decoded. */
    public List<SpecificRecord> lifecycleOf(String trackId) {
        return received.stream()
                .filter(record -> record.topic().equals(Topics.TRACK_DELETED) && trackId.equals(record.key()))
                .map(record -> (SpecificRecord) decoder.deserialize(record.topic(), record.value()))
                .toList();
    }

    /** Every dead letter of track-deleted so far. */
    public List<Received> deadLetters() {
        return received.stream().filter(record -> record.topic().equals(DEAD_LETTERS)).toList();
    }

    public List<Received> deadLettersOf(String key) {
        return deadLetters().stream().filter(record -> key.equals(record.key())).toList();
    }

    private void read(String bootstrapServers) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.TRACK_PURGED, Topics.TRACK_DELETED, DEAD_LETTERS)) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    partitions.add(new TopicPartition(topic, partition));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, byte[]> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value());
                    }
                    received.add(new Received(record.topic(), record.partition(), record.offset(), record.key(),
                            record.value(), headers));
                }
            }
        } catch (WakeupException stopped) {
            // The JVM is ending.
        }
    }
}
