package io.novatune.ingestion;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import io.novatune.events.IngestionRequested;
import io.novatune.events.Topics;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.events.serde.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The tests' side of the broker: produces as track-api and the indexing worker do, reads whole topics as an
 * operator would, and compares a consumer group's committed offsets with the end of its topics.
 */
public final class KafkaProbe {

    private static final Map<String, KafkaProbe> SHARED = new ConcurrentHashMap<>();

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final EventSerializer serializer = new EventSerializer();
    private final Map<String, TopicLog> logs = new HashMap<>();

    private KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** One probe per broker for the whole JVM; closed with it. */
    public static KafkaProbe shared(String bootstrapServers) {
        return SHARED.computeIfAbsent(bootstrapServers, KafkaProbe::new);
    }

    /** Sends an event to its topic as its producer would: key, wire format, {@code event-type}/{@code event-id} headers. */
    public RecordMetadata send(String key, SpecificRecord event) {
        return send(key, event, Map.of());
    }

    /** The same, with more headers, e.g. the {@code traceparent} track-api's outbox would carry. */
    public RecordMetadata send(String key, SpecificRecord event, Map<String, String> extraHeaders) {
        String topic = Topics.topicOf(event);
        RecordHeaders headers = new RecordHeaders();
        extraHeaders.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        byte[] value = serializer.serialize(topic, headers, event);
        return await(new ProducerRecord<>(topic, null, key, value, headers));
    }

    public RecordMetadata sendRaw(String topic, String key, byte[] value) {
        return await(new ProducerRecord<>(topic, key, value));
    }

    private RecordMetadata await(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + record.topic(), e.getCause());
        }
    }

    /** Every record of the topic from its beginning up to its end as of this call. */
    public synchronized List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        return logs.computeIfAbsent(topic, TopicLog::new).readToEnd();
    }

    public List<IngestionRequested> requests() {
        return readToEnd(Topics.INGESTION_REQUESTED).stream()
                .map(record -> (IngestionRequested) EventDeserializer.decode(record.value()))
                .toList();
    }

    /** Whether the group has committed, on every partition of these topics, the topic's current end. */
    public boolean groupCaughtUp(String group, String... topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topics)).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(partition ->
                        latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> {
            OffsetAndMetadata position = committed.get(end.getKey());
            return end.getValue().offset() == (position == null ? 0 : position.offset());
        });
    }

    /** An operator's replay: the group (which must have no running member) starts the topic again from offset 0. */
    public void rewind(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(partition ->
                beginning.put(new TopicPartition(topic, partition.partition()), new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, beginning).all().get();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** A consumer that owns every partition of one topic and remembers what it read. */
    private final class TopicLog {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        TopicLog(String topic) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        List<ConsumerRecord<String, byte[]>> readToEnd() {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return List.copyOf(records);
        }
    }
}
