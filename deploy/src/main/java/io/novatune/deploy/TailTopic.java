package io.novatune.deploy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code deploy/scripts/tail-topic}: prints the records of a topic as JSON lines. It assigns all partitions
 * itself rather than joining a consumer group, so looking never moves any service's offsets.
 */
public final class TailTopic {

    static final int EXIT_MAX_NOT_REACHED = 3;
    static final int EXIT_INTERRUPTED = 130;

    // Set once tail() has returned, so the Ctrl-C hook does not wait for a main thread that is already exiting.
    private static volatile boolean finished;

    private TailTopic() {
    }

    public static void main(String[] args) {
        TailOptions options = FlagValues.parseOrExit(args, TailOptions.USAGE, TailOptions::parse);
        int exitCode;
        try {
            exitCode = tail(options, System.out);
        } catch (IllegalStateException e) {
            System.err.println("tail-topic: " + e.getMessage());
            exitCode = 1;
        }
        finished = true;
        if (exitCode != EXIT_INTERRUPTED) {
            // Not on Ctrl-C: the JVM is already exiting then, and System.exit would block.
            System.exit(exitCode);
        }
    }

    static int tail(TailOptions options, PrintStream out) {
        RecordJson recordJson = new RecordJson();
        long deadline = options.timeout().map(timeout -> System.nanoTime() + timeout.toNanos()).orElse(Long.MAX_VALUE);
        int printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(options.bootstrapServers())) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!finished) {
                    consumer.wakeup();
                    joinQuietly(main);
                }
            }));
            List<TopicPartition> partitions = partitions(consumer, options.topic());
            consumer.assign(partitions);
            if (options.fromBeginning()) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            while (printed < options.max().orElse(Integer.MAX_VALUE) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    out.println(recordJson.render(record));
                    printed++;
                    if (printed >= options.max().orElse(Integer.MAX_VALUE)) {
                        break;
                    }
                }
                out.flush();
            }
        } catch (WakeupException interrupted) {
            return EXIT_INTERRUPTED;
        }
        if (options.max().isPresent() && printed < options.max().get()) {
            System.err.println("tail-topic: " + printed + " of " + options.max().get() + " records before the timeout");
            return EXIT_MAX_NOT_REACHED;
        }
        return 0;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka about topic " + topic + " (is the stack running?)", e);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return partitions.stream().map(partition -> new TopicPartition(topic, partition.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "tail-topic-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // Records of committed transactions only, as the services see them.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
