package io.novatune.deploy.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.novatune.deploy.kafka.KafkaClientSettings;
import io.novatune.events.EventHeaders;
import io.novatune.events.TrackRestored;
import io.novatune.events.kafka.EventDeadLetterPublisher;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.events.serde.EventSerializer;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.SharedInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * dlt-redrive against a real broker. The dead letters are put there the way every NovaTune service does it: a
 * spring-kafka listener container whose listener fails, the services' {@link EventDeadLetterPublisher}
 * (spring-kafka's {@code DeadLetterPublishingRecoverer}) behind a {@link DefaultErrorHandler}, so the headers are
 * the real ones.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeadLetterRedriveTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final KafkaServer kafka = SharedInfrastructure.kafka();
    private final KafkaClientSettings broker = KafkaClientSettings.bootstrapOnly(kafka.bootstrapServers());
    private final String topic = "redrive-" + UUID.randomUUID();
    private final String deadLetterTopic = topic + ".DLT";
    private final String redriveGroup = "redrive-" + UUID.randomUUID();
    private final String failingServiceGroup = "failing-service-" + UUID.randomUUID();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void createTopics() {
        kafka.createTopics(List.of(topic, deadLetterTopic), 2);
    }

    @Test
    void republishes_each_dead_letter_to_its_topic_with_its_key_value_bytes_and_headers_and_says_where_it_came_from() {
        TrackRestored restored = publishEvent("track-1");
        publishEvent("track-2");
        publishJunk("junk");
        List<ConsumerRecord<byte[], byte[]>> originals = read(topic);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = runServiceFailingOn(3, "track-1", "track-2");

        RedriveSummary summary = DeadLetterRedrive.run(options(false, Optional.empty()), out());

        assertThat(summary).isEqualTo(new RedriveSummary(3, 0, 0));
        assertThat(printed()).contains("dlt-redrive: " + deadLetterTopic + ": republished 3, skipped 0");
        List<ConsumerRecord<byte[], byte[]>> redriven = redriven();
        assertThat(redriven).hasSize(3);
        for (ConsumerRecord<byte[], byte[]> original : originals) {
            ConsumerRecord<byte[], byte[]> again = byKey(redriven, key(original));
            ConsumerRecord<byte[], byte[]> deadLetter = byKey(deadLetters, key(original));
            assertThat(again.value()).as("value bytes of " + key(original)).isEqualTo(original.value());
            assertThat(headers(again)).as("headers of " + key(original))
                    .containsAllEntriesOf(headers(original))
                    .containsEntry(DeadLetter.REDRIVEN_FROM, origin(deadLetter))
                    .hasSize(headers(original).size() + 1);
        }
        assertThat(headers(deadLetters.get(0))).containsKeys("kafka_dlt-original-topic", "kafka_dlt-exception-message");
        assertThat(headers(byKey(redriven, "track-1"))).containsEntry(EventHeaders.EVENT_TYPE, "io.novatune.events.TrackRestored")
                .containsEntry(EventHeaders.EVENT_ID, restored.getEventId()).containsEntry(EventHeaders.TRACEPARENT, TRACEPARENT);
    }

    @Test
    void a_second_run_republishes_nothing_new_and_a_later_dead_letter_only_that() {
        publishEvent("track-1");
        publishEvent("track-2");
        runServiceFailingOn(2, "track-1", "track-2");
        assertThat(DeadLetterRedrive.run(options(false, Optional.empty()), out())).isEqualTo(new RedriveSummary(2, 0, 0));
        Map<TopicPartition, Long> afterFirstRun = ends(topic);

        RedriveSummary second = DeadLetterRedrive.run(options(false, Optional.empty()), out());

        assertThat(second).isEqualTo(new RedriveSummary(0, 2, 0));
        assertThat(printed()).contains("republished 0, skipped 2 (re-driven by an earlier run)");
        assertThat(ends(topic)).isEqualTo(afterFirstRun);

        publishEvent("track-3");
        runServiceFailingOn(3, "track-3"); // fixed for track-1 and 2: their re-drives are consumed

        assertThat(DeadLetterRedrive.run(options(false, Optional.empty()), out())).isEqualTo(new RedriveSummary(1, 2, 0));
        assertThat(redriven()).extracting(DeadLetterRedriveTest::key).containsExactlyInAnyOrder("track-1", "track-2", "track-3");
    }

    @Test
    void a_dry_run_lists_each_dead_letter_with_its_exception_and_publishes_and_commits_nothing() throws Exception {
        publishEvent("track-1");
        publishEvent("track-2");
        runServiceFailingOn(2, "track-1", "track-2");
        Map<TopicPartition, Long> before = ends(topic);

        RedriveSummary summary = DeadLetterRedrive.run(options(true, Optional.empty()), out());

        assertThat(summary).isEqualTo(new RedriveSummary(2, 0, 0));
        assertThat(printed().lines().filter(line -> line.startsWith("would republish " + deadLetterTopic + "/")))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(" -> " + topic + " ", "event-type=io.novatune.events.TrackRestored",
                        "exception=", "S3 is down"))
                .anySatisfy(line -> assertThat(line).contains("key=track-1"));
        assertThat(printed()).contains("dry run, nothing was published or committed");
        assertThat(ends(topic)).isEqualTo(before);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listConsumerGroupOffsets(redriveGroup).partitionsToOffsetAndMetadata().get()).isEmpty();
        }
        assertThat(DeadLetterRedrive.run(options(false, Optional.empty()), out())).isEqualTo(new RedriveSummary(2, 0, 0));
    }

    @Test
    void max_republishes_that_many_and_leaves_the_rest_for_the_next_run() {
        for (int i = 1; i <= 3; i++) {
            publishEvent("track-" + i);
        }
        runServiceFailingOn(3, "track-1", "track-2", "track-3");

        assertThat(DeadLetterRedrive.run(options(false, Optional.of(2)), out())).isEqualTo(new RedriveSummary(2, 0, 1));
        assertThat(printed()).contains("1 left for the next run (--max)");
        assertThat(redriven()).hasSize(2);

        assertThat(DeadLetterRedrive.run(options(false, Optional.empty()), out())).isEqualTo(new RedriveSummary(1, 2, 0));
        assertThat(redriven()).extracting(DeadLetterRedriveTest::key).containsExactlyInAnyOrder("track-1", "track-2", "track-3");
    }

    @Test
    void a_dead_letter_that_is_still_poison_comes_back_and_the_next_run_re_drives_it_with_one_redriven_from_header() {
        publishEvent("track-1");
        ConsumerRecord<byte[], byte[]> first = runServiceFailingOn(1, "track-1").get(0);
        assertThat(DeadLetterRedrive.run(options(false, Optional.empty()), out())).isEqualTo(new RedriveSummary(1, 0, 0));

        List<ConsumerRecord<byte[], byte[]>> deadLetters = runServiceFailingOn(2, "track-1"); // not fixed yet
        ConsumerRecord<byte[], byte[]> back = deadLetters.stream().filter(record -> !origin(record).equals(origin(first))).findFirst().orElseThrow();
        assertThat(headers(back)).containsEntry(DeadLetter.REDRIVEN_FROM, origin(first)).containsKey("kafka_dlt-exception-message");

        assertThat(DeadLetterRedrive.run(options(false, Optional.empty()), out())).isEqualTo(new RedriveSummary(1, 1, 0));
        List<ConsumerRecord<byte[], byte[]>> redriven = redriven();
        ConsumerRecord<byte[], byte[]> latest = redriven.get(redriven.size() - 1);
        assertThat(latest.headers().headers(DeadLetter.REDRIVEN_FROM)).hasSize(1);
        assertThat(headers(latest)).containsEntry(DeadLetter.REDRIVEN_FROM, origin(back));
    }

    @Test
    void a_dead_letter_whose_header_names_another_topic_stops_every_run_before_it_until_the_operator_leaves_it_behind() throws Exception {
        String otherTopic = topic + "-other";
        kafka.createTopics(List.of(otherTopic), 1);
        sendDeadLetter("track-1", topic);
        sendDeadLetter("track-2", otherTopic);
        sendDeadLetter("track-3", topic);
        String stopped = "stopped before " + deadLetterTopic + "/0/1: its kafka_dlt-original-topic header names topic " + otherTopic
                + ", not " + topic;

        for (RedriveOptions options : List.of(options(true, Optional.empty()), options(false, Optional.empty()), options(false, Optional.empty()))) {
            assertThatThrownBy(() -> DeadLetterRedrive.run(options, out()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(stopped)
                    .hasMessageContaining("--partitions 0 --from-offset 2");
        }
        assertThat(redriven()).extracting(DeadLetterRedriveTest::key).containsExactly("track-1");
        assertThat(read(otherTopic)).isEmpty();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listConsumerGroupOffsets(redriveGroup).partitionsToOffsetAndMetadata().get())
                    .containsOnlyKeys(new TopicPartition(deadLetterTopic, 0))
                    .allSatisfy((partition, offset) -> assertThat(offset.offset()).isEqualTo(1));
        }

        RedriveOptions pastIt = new RedriveOptions(topic, false, Optional.empty(), List.of(0), OptionalLong.of(2), redriveGroup,
                Duration.ofSeconds(30), broker);
        assertThat(DeadLetterRedrive.run(pastIt, out())).isEqualTo(new RedriveSummary(1, 2, 0));
        assertThat(redriven()).extracting(DeadLetterRedriveTest::key).containsExactlyInAnyOrder("track-1", "track-3");
        assertThat(read(otherTopic)).isEmpty();
    }

    @Test
    void a_dead_letter_topic_that_does_not_exist_is_a_clear_error() {
        RedriveOptions options = new RedriveOptions("never-created-" + UUID.randomUUID(), false, Optional.empty(), List.of(),
                OptionalLong.empty(), redriveGroup, Duration.ofSeconds(30), broker);

        assertThatThrownBy(() -> DeadLetterRedrive.run(options, out()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("topic never-created-.*\\.DLT does not exist");
    }

    private RedriveOptions options(boolean dryRun, Optional<Integer> max) {
        return new RedriveOptions(topic, dryRun, max, List.of(), OptionalLong.empty(), redriveGroup, Duration.ofSeconds(30),
                broker);
    }

    private static TrackRestored restored(String trackId) {
        return TrackRestored.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(trackId.getBytes(StandardCharsets.UTF_8)).toString())
                .setOccurredAt(Instant.parse("2026-11-22T10:15:30.123Z"))
                .setTrackId(trackId).setUserId("user-7").setRestoredStatus("READY").setRestoredAt(Instant.parse("2026-11-22T10:15:30.123Z"))
                .build();
    }

    /** An event as track-api's relay publishes it: key = track id, wire-format value, the event headers. */
    private TrackRestored publishEvent(String trackId) {
        TrackRestored event = restored(trackId);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(trackId), EventSerializer.encode(event));
        record.headers().add(EventHeaders.EVENT_TYPE, bytes(event.getSchema().getFullName()));
        record.headers().add(EventHeaders.EVENT_ID, bytes(event.getEventId()));
        record.headers().add(EventHeaders.TRACEPARENT, bytes(TRACEPARENT));
        send(record);
        return event;
    }

    /** A dead letter written by hand on partition 0, whose kafka_dlt-original-topic header names {@code originalTopic}. */
    private void sendDeadLetter(String trackId, String originalTopic) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetterTopic, 0, bytes(trackId), EventSerializer.encode(restored(trackId)));
        record.headers().add(EventHeaders.EVENT_TYPE, bytes(TrackRestored.getClassSchema().getFullName()));
        record.headers().add("kafka_dlt-original-topic", bytes(originalTopic));
        send(record);
    }

    /** A record no service can decode: no event headers, not the wire format. */
    private void publishJunk(String key) {
        send(new ProducerRecord<>(topic, bytes(key), bytes("not an event at all")));
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("could not publish to " + topic, e);
        }
    }

    /**
     * A NovaTune service whose listener fails on the records with these keys (and cannot decode junk): consumes
     * what is new on the topic (its group remembers), dead-letters what fails, and stops once the dead-letter
     * topic holds {@code total} records.
     */
    private List<ConsumerRecord<byte[], byte[]>> runServiceFailingOn(int total, String... failingKeys) {
        Map<String, Object> consumer = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, failingServiceGroup,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class,
                ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, EventDeserializer.class);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setMessageListener((MessageListener<String, SpecificRecord>) record -> {
            if (List.of(failingKeys).contains(record.key())) {
                throw new IllegalStateException("S3 is down while handling " + record.key());
            }
        });
        KafkaMessageListenerContainer<String, SpecificRecord> service =
                new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(consumer), properties);
        EventDeadLetterPublisher deadLetters = new EventDeadLetterPublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(deadLetters.recoverer(), new FixedBackOff(0L, 0L));
        // So that the next start of this "service" goes on after what it dead-lettered, as a service's group does.
        errorHandler.setCommitRecovered(true);
        service.setCommonErrorHandler(errorHandler);
        service.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> ends(deadLetterTopic).values().stream().mapToLong(Long::longValue).sum() >= total);
        } finally {
            service.stop();
            deadLetters.destroy();
        }
        return read(deadLetterTopic);
    }

    private List<ConsumerRecord<byte[], byte[]>> redriven() {
        return read(topic).stream().filter(record -> record.headers().lastHeader(DeadLetter.REDRIVEN_FROM) != null).toList();
    }

    /** Every record of the topic, read without a consumer group. */
    private List<ConsumerRecord<byte[], byte[]>> read(String name) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
            List<TopicPartition> partitions = consumer.partitionsFor(name).stream()
                    .map(partition -> new TopicPartition(name, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
            });
        }
        return records;
    }

    private Map<TopicPartition, Long> ends(String name) {
        try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
            return consumer.endOffsets(consumer.partitionsFor(name).stream()
                    .map(partition -> new TopicPartition(name, partition.partition())).toList());
        }
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static ConsumerRecord<byte[], byte[]> byKey(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream().filter(record -> key(record).equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no record with key " + key));
    }

    private static String origin(ConsumerRecord<byte[], byte[]> deadLetter) {
        return deadLetter.topic() + "/" + deadLetter.partition() + "/" + deadLetter.offset();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
