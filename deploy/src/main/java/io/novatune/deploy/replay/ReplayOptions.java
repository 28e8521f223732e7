package io.novatune.deploy.replay;

import static io.novatune.deploy.flags.FlagValues.nonNegative;
import static io.novatune.deploy.flags.FlagValues.partitionList;
import static io.novatune.deploy.flags.FlagValues.value;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.novatune.deploy.kafka.KafkaClientSettings;
import io.novatune.events.Topics;

/**
 * replay's command line, parsed.
 *
 * @param service    the service that owns {@code group}, when the operator named a service
 * @param partitions the partitions to rewind; empty = all of the topic's
 */
public record ReplayOptions(String group, Optional<String> service, String topic, RewindTarget target, List<Integer> partitions,
                     boolean execute, KafkaClientSettings kafka) {

    public static final String USAGE = """
            Usage: deploy/scripts/replay (--service NAME | --group GROUP_ID) --topic TOPIC
                                         (--to-earliest | --to-offset N | --to-datetime 2026-11-20T10:00:00Z)
                                         [--partitions 0,2] [--execute] [--bootstrap host:port] [--command-config <file>]

            Rewinds one consumer group on one topic, so that its service consumes those records again.
            Prints the plan (partition, current offset, target offset, records to be consumed again) and changes
            nothing unless --execute is given. A partition is only ever moved back, never forward.
            The group must have no active members: stop the service (or scale it to zero replicas) first.
              --service      one of: %s (its spring.kafka.consumer.group-id)
              --group        a raw consumer group id, e.g. when a deployment overrides the service's
              --topic        one of: %s
              --to-datetime  ISO-8601 with a zone (Z or +01:00): the first record at or after that time
            %s""".formatted(ServiceGroup.serviceNames(), String.join(", ", Topics.all()), KafkaClientSettings.usage(Map.of()));

    public ReplayOptions {
        partitions = List.copyOf(partitions);
    }

    /** Who must be stopped before the group can be rewound, for the operator's messages. */
    String consumers() {
        return service.orElse("every service consuming with group " + group);
    }

    public static ReplayOptions parse(String[] args) {
        Optional<String> service = Optional.empty();
        Optional<String> group = Optional.empty();
        String topic = null;
        List<RewindTarget> targets = new ArrayList<>();
        List<Integer> partitions = List.of();
        boolean execute = false;
        Optional<String> bootstrap = Optional.empty();
        Optional<Path> commandConfig = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--service" -> service = Optional.of(value(args, ++i, flag));
                case "--group" -> group = Optional.of(value(args, ++i, flag));
                case "--topic" -> topic = value(args, ++i, flag);
                case "--to-earliest" -> targets.add(new RewindTarget.Earliest());
                case "--to-offset" -> targets.add(new RewindTarget.Offset(nonNegative(args, ++i, flag)));
                case "--to-datetime" -> targets.add(new RewindTarget.Time(time(value(args, ++i, flag))));
                case "--partitions" -> partitions = partitionList(args, ++i, flag);
                case "--execute" -> execute = true;
                case "--bootstrap" -> bootstrap = Optional.of(value(args, ++i, flag));
                case "--command-config" -> commandConfig = Optional.of(Path.of(value(args, ++i, flag)));
                default -> throw new IllegalArgumentException("unexpected argument " + flag);
            }
        }
        if (service.isPresent() == group.isPresent()) {
            throw new IllegalArgumentException("name either the service (--service lifecycle-worker) or its group (--group ...), not "
                    + (service.isPresent() ? "both" : "neither"));
        }
        if (topic == null) {
            throw new IllegalArgumentException("which topic? e.g. --topic " + Topics.TRACK_DELETED);
        }
        if (!Topics.all().contains(topic)) {
            throw new IllegalArgumentException("unknown topic " + topic + "; NovaTune's topics are " + String.join(", ", Topics.all()));
        }
        if (targets.size() != 1) {
            throw new IllegalArgumentException("give exactly one of --to-earliest, --to-offset N, --to-datetime TIME");
        }
        String groupId = group.isPresent() ? group.get() : consumerGroup(service.get(), topic);
        return new ReplayOptions(groupId, service, topic, targets.get(0), partitions, execute,
                KafkaClientSettings.of(bootstrap, commandConfig));
    }

    private static String consumerGroup(String service, String topic) {
        ServiceGroup owner = ServiceGroup.of(service).orElseThrow(() -> new IllegalArgumentException(
                "unknown service " + service + "; the services are " + ServiceGroup.serviceNames()));
        if (!owner.topics().contains(topic)) {
            throw new IllegalArgumentException(service + " does not consume " + topic + "; it consumes " + String.join(", ", owner.topics()));
        }
        return owner.groupId();
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--to-datetime needs an ISO-8601 time with a zone, e.g. 2026-11-20T10:00:00Z, not " + text);
        }
    }
}
