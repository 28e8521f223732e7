package io.novatune.testsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.novatune.events.EventHeaders;
import io.novatune.events.Topics;
import io.novatune.events.serde.EventSerializer;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.SharedInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tests' side of a broker: publishes events as their producers do (key, wire format, {@code event-type} and
 * {@code event-id} headers), reads whole topics up to their current end as an operator would, and compares a
 * consumer group's committed offsets with the end of its topics.
 */
public final class KafkaProbe {

    public static final int PARTITIONS = 3;

    private static final Map<String, KafkaProbe> BY_BROKER = new ConcurrentHashMap<>();

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final EventSerializer serializer = new EventSerializer();
    private final Map<String, TopicLog> logs = new HashMap<>();

    private KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** This JVM's shared broker, with every topic of the contract and its dead-letter topic, 3 partitions each. */
    public static KafkaProbe shared() {
        KafkaServer kafka = SharedInfrastructure.kafka();
        return BY_BROKER.computeIfAbsent(kafka.bootstrapServers(), bootstrapServers -> {
            List<String> topics = new ArrayList<>(Topics.all());
            Topics.all().forEach(topic -> topics.add(Topics.deadLetter(topic)));
            kafka.createTopics(topics, PARTITIONS);
            return new KafkaProbe(bootstrapServers);
        });
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Publishes an event to its topic under this key and waits for the acknowledgement. */
    public RecordMetadata publish(String key, SpecificRecord event) {
        return publish(key, event, Map.of());
    }

    /** The same with more headers, e.g. the {@code traceparent} track-api's outbox carries. */
    public RecordMetadata publish(String key, SpecificRecord event, Map<String, String> headers) {
        return publishTo(Topics.topicOf(event), null, key, event, headers);
    }

    /** Publishes to one partition: records after a failing one on the same partition show it keeps moving. */
    public RecordMetadata publish(int partition, String key, SpecificRecord event) {
        return publishTo(Topics.topicOf(event), partition, key, event, Map.of());
    }

    /** Any event onto any topic, even one it does not belong on; {@code partition} null lets the key decide. */
    public RecordMetadata publishTo(String topic, Integer partition, String key, SpecificRecord event) {
        return publishTo(topic, partition, key, event, Map.of());
    }

    private RecordMetadata publishTo(String topic, Integer partition, String key, SpecificRecord event,
                                     Map<String, String> extraHeaders) {
        RecordHeaders headers = new RecordHeaders();
        extraHeaders.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        byte[] value = serializer.serialize(topic, headers, event);
        return send(new ProducerRecord<>(topic, partition, key, value, headers));
    }

    /** Bytes that need not be an event at all; {@code partition} null lets the key decide. */
    public RecordMetadata publishRaw(String topic, Integer partition, String key, byte[] value) {
        return send(new ProducerRecord<>(topic, partition, key, value));
    }

    private RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /** Every record of the topic from its beginning up to its end as of this call. */
    public synchronized List<ReceivedRecord> records(String topic) {
        return logs.computeIfAbsent(topic, TopicLog::new).readToEnd();
    }

    /** The records of the topic with this key, in order (one key stays on one partition). */
    public List<ReceivedRecord> records(String topic, String key) {
        return records(topic).stream().filter(record -> key.equals(record.key())).toList();
    }

    /** The events of that type on the topic, decoded, in order per partition. */
    public <T extends SpecificRecord> List<T> events(String topic, Class<T> type) {
        return records(topic).stream().map(ReceivedRecord::event).filter(type::isInstance).map(type::cast).toList();
    }

    /** The events of that type on the topic with this key, decoded, in order. */
    public <T extends SpecificRecord> List<T> events(String topic, String key, Class<T> type) {
        return records(topic, key).stream().map(ReceivedRecord::event)
                .filter(type::isInstance).map(type::cast).toList();
    }

    /** What went to the topic's dead-letter topic under this key. */
    public List<ReceivedRecord> deadLetters(String topic, String key) {
        return records(Topics.deadLetter(topic), key);
    }

    /** Whether the group has committed, on every partition of these topics, the topic's current end. */
    public boolean groupCaughtUp(String group, String... topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return admin.listOffsets(latestOf(topics)).all().get().entrySet().stream().allMatch(end -> {
                OffsetAndMetadata position = committed.get(end.getKey());
                return end.getValue().offset() == (position == null ? 0 : position.offset());
            });
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not compare " + group + "'s offsets with its topics' ends", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An operator's replay: the group (which must have no running member) starts the topic again from offset 0. */
    public void rewind(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
        latestOf(topic).keySet().forEach(partition -> beginning.put(partition, new OffsetAndMetadata(0)));
        try {
            admin.alterConsumerGroupOffsets(group, beginning).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not rewind " + group + " on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A new group starts where the topic ends now, not at the records earlier tests left there: for a service
     * started in a group of its own, e.g. in a child process.
     */
    public void skipToEnd(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            admin.listOffsets(latestOf(topic)).all().get()
                    .forEach((partition, offset) -> end.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets(group, end).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not move " + group + " to the end of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<TopicPartition, OffsetSpec> latestOf(String... topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topics)).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            return latest;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not describe " + List.of(topics), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A consumer that owns every partition of one topic and remembers what it read. */
    private final class TopicLog {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ReceivedRecord> records = new ArrayList<>();

        TopicLog(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<ReceivedRecord> readToEnd() {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> records.add(ReceivedRecord.of(record)));
            }
            return List.copyOf(records);
        }
    }
}
