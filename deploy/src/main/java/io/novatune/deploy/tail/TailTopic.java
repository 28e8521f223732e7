package io.novatune.deploy.tail;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.novatune.deploy.flags.FlagValues;
import io.novatune.deploy.kafka.KafkaClientSettings;
import io.novatune.deploy.kafka.RecordJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
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

    // Looking never moves any service's offsets (no group, nothing committed, no topic created), and shows what
    // the services see (committed transactions only): a --command-config cannot change that.
    static final Map<String, Object> CONSUMER_GUARANTEES = Map.of(
            ConsumerConfig.GROUP_ID_CONFIG, KafkaClientSettings.UNSET,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);

    // How long to wait for the topic's partitions when --timeout-seconds does not say less.
    private static final Duration METADATA_WAIT = Duration.ofSeconds(15);

    // Set once tail() has returned, so the Ctrl-C hook does not wait for a main thread that is already exiting.
    private static volatile boolean finished;

    private TailTopic() {
    }

    public static void main(String[] args) {
        TailOptions options = FlagValues.parseOrExit(args, TailOptions.USAGE, TailOptions::parse);
        int exitCode;
        try {
            exitCode = tail(options, System.out);
        } catch (IllegalStateException | KafkaException e) {
            // KafkaException: e.g. a refused login (SaslAuthenticationException) or a bad --command-config setting.
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
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(options.kafka(), System.err))) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (!finished) {
                    consumer.wakeup();
                    joinQuietly(main);
                }
            }));
            Duration metadataWait = options.timeout().filter(timeout -> timeout.compareTo(METADATA_WAIT) < 0).orElse(METADATA_WAIT);
            List<TopicPartition> partitions = partitions(consumer, options.topic(), metadataWait);
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

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic, Duration wait) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, wait);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("no answer from Kafka about topic " + topic + " within " + wait.toSeconds()
                    + " s (is it running? check --bootstrap and --command-config)", e);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return partitions.stream().map(partition -> new TopicPartition(topic, partition.partition())).toList();
    }

    public static Map<String, Object> consumerConfig(KafkaClientSettings kafka, PrintStream warnings) {
        return kafka.clientConfig("tail-topic's consumer", Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "tail-topic-" + UUID.randomUUID()),
                CONSUMER_GUARANTEES, warnings);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
