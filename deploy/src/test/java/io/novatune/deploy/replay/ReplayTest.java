package io.novatune.deploy.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import io.novatune.deploy.kafka.KafkaClientSettings;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.AlterConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** replay against a real broker: a group consumes, stops, is rewound and consumes again. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReplayTest {

    private static final Instant FIRST_RECORD_TIME = Instant.parse("2026-11-20T09:00:00Z");

    private final KafkaServer kafka = SharedInfrastructure.kafka();
    private final KafkaClientSettings broker = KafkaClientSettings.bootstrapOnly(kafka.bootstrapServers());
    private final String topic = "replay-" + UUID.randomUUID();
    private final String group = "replay-group-" + UUID.randomUUID();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    @Test
    void a_dry_run_prints_the_plan_per_partition_and_changes_nothing() {
        List<String> values = produce(2, 6);
        consumeAndStop(values.size());
        Map<TopicPartition, OffsetAndMetadata> before = committed();

        ReplayPlan plan = Replay.run(options(new RewindTarget.Earliest(), List.of(), false), out());

        assertThat(plan.recordsAgain()).isEqualTo(6);
        assertThat(plan.partitions()).extracting(PartitionRewind::partition).containsExactly(0, 1);
        assertThat(printed()).contains("dry run", "PARTITION", "CURRENT", "TARGET", "RE-CONSUMED", "In all 6 record(s)", "Nothing was changed");
        assertThat(committed()).isEqualTo(before);
    }

    @Test
    void to_earliest_with_execute_lets_the_restarted_group_consume_every_record_again() {
        List<String> values = produce(2, 6);
        assertThat(consumeAndStop(values.size())).containsExactlyInAnyOrderElementsOf(values);

        Replay.run(options(new RewindTarget.Earliest(), List.of(), true), out());

        assertThat(committed().values()).extracting(OffsetAndMetadata::offset).containsOnly(0L);
        assertThat(printed()).contains("Done: group " + group);
        assertThat(consumeAndStop(values.size())).containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    void to_datetime_rewinds_to_the_first_record_at_or_after_that_time() {
        List<String> values = produce(1, 5); // one minute apart from FIRST_RECORD_TIME
        consumeAndStop(values.size());

        Replay.run(options(new RewindTarget.Time(FIRST_RECORD_TIME.plusSeconds(90)), List.of(), true), out());

        assertThat(committed().get(new TopicPartition(topic, 0)).offset()).isEqualTo(2);
        assertThat(consumeAndStop(3)).containsExactlyElementsOf(values.subList(2, 5));
    }

    @Test
    void to_offset_on_chosen_partitions_moves_only_those_and_never_forward() {
        produce(3, 9);
        consumeAndStop(9);
        TopicPartition zero = new TopicPartition(topic, 0);
        TopicPartition one = new TopicPartition(topic, 1);
        TopicPartition two = new TopicPartition(topic, 2);
        Map<TopicPartition, OffsetAndMetadata> before = committed();

        Replay.run(options(new RewindTarget.Offset(1), List.of(0, 1), true), out());

        Map<TopicPartition, OffsetAndMetadata> after = committed();
        assertThat(after.get(zero).offset()).isEqualTo(1);
        assertThat(after.get(one).offset()).isEqualTo(1);
        assertThat(after.get(two)).isEqualTo(before.get(two));

        printed.reset();
        ReplayPlan forward = Replay.run(options(new RewindTarget.Offset(3), List.of(0), true), out());

        assertThat(forward.recordsAgain()).isZero();
        assertThat(printed()).contains("already at or before the target: left as is");
        assertThat(committed().get(zero).offset()).isEqualTo(1);
    }

    @Test
    void a_group_with_active_members_is_refused_with_a_clear_message_and_its_offsets_stay() {
        produce(2, 4);
        consumeAndStop(4);
        Map<TopicPartition, OffsetAndMetadata> before = committed();

        try (KafkaConsumer<String, String> running = joinedConsumer()) {
            assertThatThrownBy(() -> Replay.run(options(new RewindTarget.Earliest(), List.of(), true), out()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("group " + group + " still has 1 active member(s)")
                    .hasMessageContaining("scale it to zero replicas first")
                    .hasMessageContaining("Nothing was changed");
        }
        assertThat(committed()).isEqualTo(before);
    }

    @Test
    void a_member_that_joins_after_the_check_is_refused_by_kafka_and_the_tool_says_so() {
        produce(2, 4);
        consumeAndStop(4);
        Map<TopicPartition, OffsetAndMetadata> before = committed();
        List<KafkaConsumer<String, String>> joined = new ArrayList<>();
        try (Admin joinsBeforeTheChange = new ForwardingAdmin(adminConfig(kafka.bootstrapServers())) {
            @Override
            public AlterConsumerGroupOffsetsResult alterConsumerGroupOffsets(String groupId, Map<TopicPartition, OffsetAndMetadata> offsets,
                                                                             AlterConsumerGroupOffsetsOptions options) {
                joined.add(joinedConsumer());
                return super.alterConsumerGroupOffsets(groupId, offsets, options);
            }
        }) {
            ConsumerGroupRewind rewind = new ConsumerGroupRewind(joinsBeforeTheChange);
            ReplayPlan plan = rewind.plan(options(new RewindTarget.Earliest(), List.of(), true));

            assertThatThrownBy(() -> rewind.execute(plan))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("group " + group + " still has 1 active member(s) (one that joined after the check)")
                    .hasMessageContaining("Nothing was changed");
        } finally {
            joined.forEach(KafkaConsumer::close);
        }
        assertThat(committed()).isEqualTo(before);
    }

    @Test
    void offsets_kafka_does_not_confirm_in_time_are_reported_with_what_likely_happened_not_as_a_stopped_kafka() {
        produce(2, 4);
        consumeAndStop(4);
        Map<TopicPartition, OffsetAndMetadata> before = committed();
        try (Admin silent = Admin.create(adminConfig("127.0.0.1:1"));
             Admin silentOnTheChange = new ForwardingAdmin(adminConfig(kafka.bootstrapServers())) {
                 @Override
                 public AlterConsumerGroupOffsetsResult alterConsumerGroupOffsets(String groupId, Map<TopicPartition, OffsetAndMetadata> offsets,
                                                                                  AlterConsumerGroupOffsetsOptions options) {
                     return silent.alterConsumerGroupOffsets(groupId, offsets, options);
                 }
             }) {
            ConsumerGroupRewind rewind = new ConsumerGroupRewind(silentOnTheChange);
            ReplayPlan plan = rewind.plan(options(new RewindTarget.Earliest(), List.of(), true));

            assertThatThrownBy(() -> rewind.execute(plan))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Kafka did not confirm the new offsets of group " + group + " in time: most likely a consumer"
                            + " joined the group after the check")
                    .hasMessageContaining("or the broker did not answer")
                    .hasMessageContaining("Run the dry run again")
                    .hasMessageNotContaining("is it running?");
        }
        assertThat(committed()).isEqualTo(before);
    }

    @Test
    void a_topic_that_does_not_exist_is_a_clear_error() {
        ReplayOptions options = new ReplayOptions(group, Optional.empty(), "no-such-topic-" + UUID.randomUUID(),
                new RewindTarget.Earliest(), List.of(), true, broker);

        assertThatThrownBy(() -> Replay.run(options, out()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("topic no-such-topic-.* does not exist");
    }

    @Test
    void a_group_that_never_consumed_the_topic_is_a_clear_error_not_a_new_group() {
        produce(1, 1);
        ReplayOptions options = new ReplayOptions("typo-" + group, Optional.empty(), topic, new RewindTarget.Earliest(), List.of(),
                true, broker);

        assertThatThrownBy(() -> Replay.run(options, out()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("group typo-" + group + " has no committed offset on " + topic + ": nothing to rewind");
        assertThat(admin.listConsumerGroups().all().toCompletionStage().toCompletableFuture().join())
                .noneMatch(listing -> listing.groupId().equals("typo-" + group));
    }

    @Test
    void a_partition_the_topic_does_not_have_is_a_clear_error() {
        produce(2, 2);
        consumeAndStop(2);

        assertThatThrownBy(() -> Replay.run(options(new RewindTarget.Earliest(), List.of(0, 7), true), out()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has partitions [0, 1]; there is no partition [7]");
    }

    private ReplayOptions options(RewindTarget target, List<Integer> partitions, boolean execute) {
        return new ReplayOptions(group, Optional.of("test-service"), topic, target, partitions, execute, broker);
    }

    /** Creates the topic and writes {@code count} records, round robin over the partitions, one minute apart. */
    private List<String> produce(int partitions, int count) {
        kafka.createTopics(List.of(topic), partitions);
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String value = "record-" + i;
                long timestamp = FIRST_RECORD_TIME.plusSeconds(60L * i).toEpochMilli();
                producer.send(new ProducerRecord<>(topic, i % partitions, timestamp, "key-" + i, value)).get();
                values.add(value);
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
        return values;
    }

    /** What a service does between start and stop: joins the group, consumes, commits, leaves. */
    private List<String> consumeAndStop(int count) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> seen.add(record.value()));
                return seen.size() >= count;
            });
            consumer.commitSync();
        }
        return seen;
    }

    /** A consumer of the group that has joined it (has its partitions) and stays until closed. */
    private KafkaConsumer<String, String> joinedConsumer() {
        KafkaConsumer<String, String> running = consumer();
        running.subscribe(List.of(topic));
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            running.poll(Duration.ofMillis(100));
            return !running.assignment().isEmpty();
        });
        return running;
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().toCompletionStage().toCompletableFuture().join()
                .entrySet().stream()
                .filter(offset -> offset.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, offset -> new OffsetAndMetadata(offset.getValue().offset())));
    }

    private PrintStream out() {
        return new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
