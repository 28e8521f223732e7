package io.novatune.deploy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

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
 * {@code deploy/scripts/dlt-redrive}: republishes the dead letters of {@code <topic>.DLT} to their topic (DESIGN §6).
 * <p>
 * Safe to run twice: it reads the dead-letter topic with its own consumer group, partitions assigned rather than
 * subscribed (no rebalance to wait for), and commits a dead letter's offset only after Kafka acknowledged its
 * republication ({@code acks=all}, idempotent producer). It reads up to the end the topic had when it started:
 * a re-driven record that fails again comes back to the dead-letter topic, and must not be re-driven in a loop.
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

    private DeadLetterRedrive(RedriveOptions options, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, PrintStream out) {
        this.options = options;
        this.consumer = consumer;
        this.producer = producer;
        this.out = out;
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
            RedriveSummary summary = new DeadLetterRedrive(options, consumer, producer, out).redrive();
            out.println(summary.line(options));
            return summary;
        }
    }

    private RedriveSummary redrive() {
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
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (handled < limit && !reached(ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("read only part of " + options.deadLetterTopic() + " within " + options.timeout().toSeconds()
                        + " s; " + handled + " handled so far" + (options.dryRun() ? "" : " (republished and committed)") + ": run again");
            }
            List<DeadLetter> batch = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < ends.get(partition) && handled + batch.size() < limit) {
                    batch.add(new DeadLetter(record, options.topic()));
                }
            }
            handled += options.dryRun() ? list(batch) : republish(batch);
            batch.forEach(deadLetter -> next.put(partition(deadLetter), deadLetter.record().offset() + 1));
        }
        long left = partitions.stream().mapToLong(partition -> ends.get(partition) - next.get(partition)).sum();
        return new RedriveSummary(handled, skipped, left);
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey(), options.timeout()) >= end.getValue());
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

    static Map<String, Object> consumerConfig(RedriveOptions options, PrintStream warnings) {
        return options.kafka().clientConfig("dlt-redrive's consumer",
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "dlt-redrive-" + UUID.randomUUID()), consumerGuarantees(options.group()), warnings);
    }

    static Map<String, Object> producerConfig(KafkaClientSettings kafka, PrintStream warnings) {
        return kafka.clientConfig("dlt-redrive's producer", Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "dlt-redrive-" + UUID.randomUUID(),
                // A missing topic or a dead broker fails the run within seconds instead of a minute (a file may allow more).
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                PRODUCER_GUARANTEES, warnings);
    }
}
