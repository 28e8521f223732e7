package io.novatune.deploy.redrive;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.novatune.deploy.flags.OperatorTool;
import io.novatune.deploy.kafka.ChosenPartitions;
import io.novatune.deploy.kafka.KafkaClientSettings;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code deploy/scripts/dlt-redrive}: republishes the dead letters of {@code <topic>.DLT} to {@code <topic>} (architecture §6).
 * <p>
 * Safe to run twice: it reads the dead-letter topic with its own consumer group, partitions assigned rather than
 * subscribed (no rebalance to wait for), and commits a dead letter's offset only after Kafka acknowledged its
 * republication ({@code acks=all}, idempotent producer). It reads up to the end the topic had when it started:
 * a re-driven record that fails again comes back to the dead-letter topic, and must not be re-driven in a loop.
 * It stops, exit 1, before a dead letter whose {@code kafka_dlt-original-topic} names another topic, and when
 * Kafka gives nothing for {@code --timeout-seconds} while records remain.
 * Runbook: {@code docs/runbooks/replay-and-dead-letters.md}.
 */
public final class DeadLetterRedrive {

    private static final Duration POLL = Duration.ofMillis(200);

    // "Committed only once Kafka acknowledged" and "same key, so the same partition as the first time" rest on
    // these: a --command-config cannot change them.
    static final Map<String, Object> PRODUCER_GUARANTEES = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaClientSettings.UNSET,
            ProducerConfig.PARTITIONER_CLASS_CONFIG, KafkaClientSettings.UNSET,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);

    private final RedriveOptions options;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final PrintStream out;
    private final InstantSource clock;

    DeadLetterRedrive(RedriveOptions options, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, PrintStream out,
                      InstantSource clock) {
        this.options = options;
        this.consumer = consumer;
        this.producer = producer;
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        OperatorTool.main("dlt-redrive", RedriveOptions.USAGE, args, RedriveOptions::parse, options -> run(options, System.out));
    }

    /** Re-drives (or, on a dry run, lists) the dead letters and prints one line per record and a summary line. */
    static RedriveSummary run(RedriveOptions options, PrintStream out) {
        // A dry run has no producer at all: it cannot publish by mistake. (try-with-resources skips a null.)
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(options, System.err));
             KafkaProducer<byte[], byte[]> producer = options.dryRun() ? null
                     : new KafkaProducer<>(producerConfig(options.kafka(), System.err))) {
            RedriveSummary summary = new DeadLetterRedrive(options, consumer, producer, out, InstantSource.system()).redrive();
            out.println(summary.line(options));
            return summary;
        }
    }

    RedriveSummary redrive() {
        List<TopicPartition> partitions = partitions();
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, options.timeout());
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, options.timeout());
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), options.timeout());
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        long skipped = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long start = options.fromOffset().orElse(done == null ? 0 : done.offset());
            start = Math.min(Math.max(start, beginnings.get(partition)), ends.get(partition));
            consumer.seek(partition, start);
            next.put(partition, start);
            skipped += start - beginnings.get(partition);
        }
        int limit = options.max().orElse(Integer.MAX_VALUE);
        long handled = 0;
        // An idle timeout: a long re-drive that keeps moving is never cut short, a Kafka that gives nothing is.
        long remaining = remaining(ends);
        Instant deadline = clock.instant().plus(options.timeout());
        while (handled < limit && remaining > 0) {
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("Kafka gave no record of " + options.deadLetterTopic() + " for " + options.timeout().toSeconds()
                        + " s while " + remaining + " remain before the end it had at the start; " + handled + " handled so far"
                        + (options.dryRun() ? "" : " (republished and committed)") + ": run again");
            }
            List<DeadLetter> batch = new ArrayList<>();
            DeadLetter foreign = null;
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (foreign == null && record.offset() < ends.get(partition) && handled + batch.size() < limit) {
                    DeadLetter deadLetter = new DeadLetter(record, options.topic());
                    if (deadLetter.foreignOriginalTopic().isPresent()) {
                        foreign = deadLetter; // what follows it in this poll is not committed: the next run reads it again
                    } else {
                        batch.add(deadLetter);
                    }
                }
            }
            handled += options.dryRun() ? list(batch) : republish(batch);
            batch.forEach(deadLetter -> next.put(partition(deadLetter), deadLetter.record().offset() + 1));
            if (foreign != null) {
                throw new IllegalStateException(stoppedAt(foreign, handled));
            }
            long nowRemaining = remaining(ends);
            if (nowRemaining < remaining) {
                deadline = clock.instant().plus(options.timeout());
            }
            remaining = nowRemaining;
        }
        long left = partitions.stream().mapToLong(partition -> ends.get(partition) - next.get(partition)).sum();
        return new RedriveSummary(handled, skipped, left);
    }

    /** The records still to read before the ends captured at the start (records appended since do not count). */
    private long remaining(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .mapToLong(end -> Math.max(0, end.getValue() - consumer.position(end.getKey(), options.timeout())))
                .sum();
    }

    // Committing past it would drop it from every later run without anyone deciding to: the operator decides.
    private String stoppedAt(DeadLetter foreign, long handled) {
        return "stopped before " + foreign.origin() + ": its kafka_dlt-original-topic header names topic "
                + foreign.foreignOriginalTopic().orElseThrow() + ", not " + options.topic() + ", and dlt-redrive republishes only to "
                + options.topic() + ". It was not republished" + (options.dryRun() ? "" : " nor committed")
                + ", so every run stops here until it is dealt with (runbook: replay-and-dead-letters.md, \"Pitfalls\"); "
                + handled + " before it " + (options.dryRun() ? "listed" : "republished and committed") + ". To leave it behind: --partitions "
                + foreign.record().partition() + " --from-offset " + (foreign.record().offset() + 1);
    }

    private int list(List<DeadLetter> batch) {
        batch.forEach(deadLetter -> out.println("would republish " + deadLetter.describe()));
        return batch.size();
    }

    /** Sends the batch, then commits, per partition, the dead letters up to the first one Kafka did not acknowledge. */
    private int republish(List<DeadLetter> batch) {
        List<Future<RecordMetadata>> sends = batch.stream().map(deadLetter -> producer.send(deadLetter.republication())).toList();
        producer.flush();
        Map<TopicPartition, OffsetAndMetadata> acknowledged = new LinkedHashMap<>();
        Set<TopicPartition> stopped = new HashSet<>();
        IllegalStateException failure = null;
        int republished = 0;
        for (int i = 0; i < batch.size(); i++) {
            DeadLetter deadLetter = batch.get(i);
            TopicPartition partition = partition(deadLetter);
            try {
                RecordMetadata sent = sends.get(i).get();
                republished++;
                if (stopped.contains(partition)) {
                    // Published, but an earlier one of its partition was not: the next run sends it again.
                    out.println("republished " + deadLetter.describe() + " (not committed: the next run sends it again)");
                } else {
                    acknowledged.put(partition, new OffsetAndMetadata(deadLetter.record().offset() + 1));
                    out.println("republished " + deadLetter.describe() + " as " + sent.topic() + "/" + sent.partition() + "/" + sent.offset());
                }
            } catch (ExecutionException e) {
                stopped.add(partition);
                if (failure == null) {
                    failure = new IllegalStateException("could not republish " + deadLetter.origin() + " to " + deadLetter.destination() + ": "
                            + e.getCause().getMessage() + ". What was acknowledged before it is committed; run again to go on.", e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while republishing; nothing of this batch was committed", e);
            }
        }
        if (!acknowledged.isEmpty()) {
            consumer.commitSync(acknowledged, options.timeout());
        }
        if (failure != null) {
            throw failure;
        }
        return republished;
    }

    private List<TopicPartition> partitions() {
        String topic = options.deadLetterTopic();
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, options.timeout());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka about topic " + topic
                    + " (is it running? check --bootstrap and --command-config)", e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return ChosenPartitions.of(topic, infos.stream().map(PartitionInfo::partition).toList(), options.partitions());
    }

    private static TopicPartition partition(DeadLetter deadLetter) {
        return new TopicPartition(deadLetter.record().topic(), deadLetter.record().partition());
    }

    /** Progress is kept in the group of --group, committed by the tool alone, and only for committed records. */
    static Map<String, Object> consumerGuarantees(String group) {
        return Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    public static Map<String, Object> consumerConfig(RedriveOptions options, PrintStream warnings) {
        return options.kafka().clientConfig("dlt-redrive's consumer",
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "dlt-redrive-" + UUID.randomUUID()), consumerGuarantees(options.group()), warnings);
    }

    public static Map<String, Object> producerConfig(KafkaClientSettings kafka, PrintStream warnings) {
        return kafka.clientConfig("dlt-redrive's producer", Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "dlt-redrive-" + UUID.randomUUID(),
                // A missing topic or a dead broker fails the run within seconds instead of a minute (a file may allow more).
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                PRODUCER_GUARANTEES, warnings);
    }
}
