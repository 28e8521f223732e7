package io.novatune.deploy.redrive;

import static io.novatune.deploy.flags.FlagValues.nonNegative;
import static io.novatune.deploy.flags.FlagValues.partitionList;
import static io.novatune.deploy.flags.FlagValues.positive;
import static io.novatune.deploy.flags.FlagValues.value;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.novatune.deploy.kafka.KafkaClientSettings;
import io.novatune.events.Topics;

/**
 * dlt-redrive's command line, parsed.
 *
 * @param topic      the original topic; the dead letters are read from {@code <topic>.DLT}
 * @param group      the consumer group that remembers how far re-driving got
 * @param partitions the partitions of the dead-letter topic to re-drive; empty = all
 * @param fromOffset start here on each partition instead of where the group left off
 */
public record RedriveOptions(String topic, boolean dryRun, Optional<Integer> max, List<Integer> partitions, OptionalLong fromOffset,
                      String group, Duration timeout, KafkaClientSettings kafka) {

    static final String DEFAULT_GROUP = "novatune-dlt-redrive";

    public static final String USAGE = """
            Usage: deploy/scripts/dlt-redrive <topic> [--dry-run] [--max N] [--partitions 0,2] [--from-offset N]
                                              [--group GROUP_ID] [--timeout-seconds S] [--bootstrap host:port]
                                              [--command-config <file>]

            Republishes the dead letters of <topic>.DLT to <topic>, and only there: same key, same value bytes, the
            original headers (event-type, event-id, traceparent), the kafka_dlt-* headers dropped, and
            novatune-redriven-from: <dlt-topic>/<partition>/<offset>. It stops (exit 1), republishing and committing
            nothing from there, at a dead letter whose kafka_dlt-original-topic header names another topic.
            A dead letter's offset is committed in group %s only once Kafka acknowledged its
            republication, so running it again republishes only dead letters that arrived since.
              <topic>            one of: %s
              --dry-run          list what would be republished (with each exception message); publish and commit nothing
              --max N            republish at most N dead letters; the rest wait for the next run
              --partitions 0,2   only these partitions of <topic>.DLT
              --from-offset N    start at offset N on each partition instead of where the last run stopped
              --timeout-seconds  how long to wait for Kafka: each request, and at most this long with no new record
                                 while dead letters remain (default 60); a long re-drive that keeps going is not cut
            %s""".formatted(DEFAULT_GROUP, String.join(", ", Topics.all()), KafkaClientSettings.usage(
            Map.of("consumer", DeadLetterRedrive.consumerGuarantees(DEFAULT_GROUP), "producer", DeadLetterRedrive.PRODUCER_GUARANTEES)));

    public RedriveOptions {
        partitions = List.copyOf(partitions);
    }

    String deadLetterTopic() {
        return Topics.deadLetter(topic);
    }

    public static RedriveOptions parse(String[] args) {
        String topic = null;
        boolean dryRun = false;
        Optional<Integer> max = Optional.empty();
        List<Integer> partitions = List.of();
        OptionalLong fromOffset = OptionalLong.empty();
        String group = DEFAULT_GROUP;
        Duration timeout = Duration.ofSeconds(60);
        Optional<String> bootstrap = Optional.empty();
        Optional<Path> commandConfig = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--dry-run" -> dryRun = true;
                case "--max" -> max = Optional.of(positive(args, ++i, flag));
                case "--partitions" -> partitions = partitionList(args, ++i, flag);
                case "--from-offset" -> fromOffset = OptionalLong.of(nonNegative(args, ++i, flag));
                case "--group" -> group = value(args, ++i, flag);
                case "--timeout-seconds" -> timeout = Duration.ofSeconds(positive(args, ++i, flag));
                case "--bootstrap" -> bootstrap = Optional.of(value(args, ++i, flag));
                case "--command-config" -> commandConfig = Optional.of(Path.of(value(args, ++i, flag)));
                default -> {
                    if (flag.startsWith("-") || topic != null) {
                        throw new IllegalArgumentException("unexpected argument " + flag);
                    }
                    topic = originalTopic(flag);
                }
            }
        }
        if (topic == null) {
            throw new IllegalArgumentException("which topic? e.g. dlt-redrive " + Topics.TRACK_DELETED + " --dry-run");
        }
        return new RedriveOptions(topic, dryRun, max, partitions, fromOffset, group, timeout,
                KafkaClientSettings.of(bootstrap, commandConfig));
    }

    // The operator may name either topic: track-deleted or track-deleted.DLT mean the same re-drive.
    private static String originalTopic(String argument) {
        String topic = Topics.all().stream().filter(known -> Topics.deadLetter(known).equals(argument)).findFirst().orElse(argument);
        if (!Topics.all().contains(topic)) {
            throw new IllegalArgumentException("unknown topic " + argument + "; NovaTune's topics are " + String.join(", ", Topics.all()));
        }
        return topic;
    }
}
