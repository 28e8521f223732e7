package io.novatune.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaServerTest {

    @Test
    void a_record_produced_is_consumed_and_creating_topics_twice_is_harmless() throws Exception {
        KafkaServer kafka = SharedInfrastructure.kafka();

        kafka.createTopics(List.of("round-trip", "round-trip.DLT"), 3);
        kafka.createTopics(List.of("round-trip", "round-trip.DLT"), 3);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("round-trip", "round-trip.DLT");
            assertThat(admin.describeTopics(Set.of("round-trip")).allTopicNames().get().get("round-trip").partitions()).hasSize(3);
        }
        produce(kafka, "round-trip", "track-1", "hello");
        assertThat(consumeAll(kafka, "round-trip", 1)).extracting(ConsumerRecord::value).containsExactly("hello");
    }

    @Test
    void a_topic_that_was_never_created_is_not_created_by_a_producer() throws Exception {
        KafkaServer kafka = SharedInfrastructure.kafka();
        try (KafkaProducer<String, String> producer = producer(kafka, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000))) {
            producer.send(new ProducerRecord<>("never-created", "k", "v"));
        } catch (Exception expected) {
            // Metadata for an unknown topic times out; either way the topic must not appear.
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain("never-created");
        }
    }

    @Test
    void a_record_survives_stop_and_start_on_the_same_log_directory(@TempDir Path data) throws Exception {
        KafkaOptions options = new KafkaOptions(data.resolve("kafka"), 0);

        try (KafkaServer first = KafkaServer.start(options)) {
            first.createTopics(List.of("kept"), 1);
            produce(first, "kept", "track-1", "still here");
        }

        try (KafkaServer second = KafkaServer.start(options)) {
            assertThat(consumeAll(second, "kept", 1)).extracting(ConsumerRecord::value).containsExactly("still here");
        }
    }

    private static void produce(KafkaServer kafka, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static KafkaProducer<String, String> producer(KafkaServer kafka, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> consumeAll(KafkaServer kafka, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
        }
        return received;
    }
}
