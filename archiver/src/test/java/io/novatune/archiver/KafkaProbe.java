package io.novatune.archiver;

import io.novatune.events.ArchiveFailed;
import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The tests' side of the shared broker: publishes onto archive-due as track-api's relay does (key = track id,
 * {@code event-type} and {@code event-id} headers) and records everything on archive-results and archive-due.DLT.
 */
public final class KafkaProbe {

    public static final int PARTITIONS = 3;
    public static final String DEAD_LETTERS = Topics.deadLetter(Topics.ARCHIVE_DUE);

    private static KafkaProbe shared;

    private final KafkaProducer<String, byte[]> producer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final EventDeserializer decoder = new EventDeserializer();

    public record Received(String topic, int partition, long offset, String key, byte[] value, Map<String, byte[]> headers) {

        public String header(String name) {
            byte[] value = headers.get(name);
            return value == null ? null : new String(value, StandardCharsets.UTF_8);
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

    public void publish(String trackId, SpecificRecord event) {
        publishTo(Topics.topicOf(event), null, trackId, event);
    }

    public void publishTo(String topic, Integer partition, String trackId, SpecificRecord event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, trackId, EventSerializer.encode(event));
        record.headers().add("event-type", event.getSchema().getFullName().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-id", event.get(0).toString().getBytes(StandardCharsets.UTF_8));
        send(record);
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
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /** The records on archive-results for this track, as they are (headers included). */
    public List<Received> resultRecords(String trackId) {
        return received.stream()
                .filter(record -> record.topic().equals(Topics.ARCHIVE_RESULTS) && trackId.equals(record.key()))
                .toList();
    }

    public List<SpecificRecord> results(String trackId) {
        return resultRecords(trackId).stream()
                .map(record -> (SpecificRecord) decoder.deserialize(record.topic(), record.value()))
                .toList();
    }

    public List<TrackArchived> archived(String trackId) {
        return results(trackId).stream().filter(TrackArchived.class::isInstance).map(TrackArchived.class::cast).toList();
    }

    public List<ArchiveFailed> failed(String trackId) {
        return results(trackId).stream().filter(ArchiveFailed.class::isInstance).map(ArchiveFailed.class::cast).toList();
    }

    public List<Received> deadLettersOf(String key) {
        return received.stream().filter(record -> record.topic().equals(DEAD_LETTERS) && key.equals(record.key())).toList();
    }

    private void read(String bootstrapServers) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ARCHIVE_RESULTS, DEAD_LETTERS)) {
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
        }
    }
}
