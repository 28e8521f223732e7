package io.novatune.deploy.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import io.novatune.deploy.kafka.KafkaClientSettings;
import io.novatune.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * --timeout-seconds is an idle timeout. Kafka's mock clients hand out one dead letter per poll, and a clock that
 * moves 25 s at every reading makes the run "last" minutes without waiting for them.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeadLetterRedriveIdleTimeoutTest {

    private static final String DEAD_LETTER_TOPIC = Topics.deadLetter(Topics.TRACK_DELETED);
    private static final TopicPartition PARTITION = new TopicPartition(DEAD_LETTER_TOPIC, 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    private final InstantSource clock = () -> now.updateAndGet(time -> time.plusSeconds(25));
    private final RedriveOptions options = new RedriveOptions(Topics.TRACK_DELETED, false, Optional.empty(), List.of(), OptionalLong.empty(),
            "redrive", Duration.ofSeconds(60), KafkaClientSettings.bootstrapOnly("kafka:9092"));

    @BeforeEach
    void oneDeadLetterPartition() {
        consumer.updatePartitions(DEAD_LETTER_TOPIC, List.of(new PartitionInfo(DEAD_LETTER_TOPIC, 0, null, null, null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    @Test
    void a_re_drive_that_keeps_getting_records_goes_on_past_the_timeout_to_the_end() {
        arrivingOnePerPoll(8, 8);

        RedriveSummary summary = redrive();

        assertThat(summary).isEqualTo(new RedriveSummary(8, 0, 0));
        assertThat(now.get()).as("the run's clock").isAfter(Instant.parse("2026-11-22T10:05:00Z"));
        assertThat(producer.history()).hasSize(8);
        assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(8);
    }

    @Test
    void a_kafka_that_gives_nothing_for_the_timeout_while_records_remain_ends_the_run_saying_how_far_it_got() {
        arrivingOnePerPoll(3, 1);

        assertThatThrownBy(this::redrive)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka gave no record of " + DEAD_LETTER_TOPIC + " for 60 s while 2 remain before the end it had at the start;"
                        + " 1 handled so far (republished and committed): run again");
        assertThat(producer.history()).hasSize(1);
        assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(1);
    }

    /** The topic ends at {@code end} when the run starts; the first {@code delivered} records come one per poll. */
    private void arrivingOnePerPoll(long end, int delivered) {
        consumer.updateEndOffsets(Map.of(PARTITION, end));
        for (int offset = 0; offset < delivered; offset++) {
            ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(DEAD_LETTER_TOPIC, 0, offset,
                    ("track-" + offset).getBytes(StandardCharsets.UTF_8), new byte[] {0});
            consumer.schedulePollTask(() -> consumer.addRecord(record));
        }
    }

    private RedriveSummary redrive() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new DeadLetterRedrive(options, consumer, producer, out, clock).redrive();
    }
}
