package io.novatune.deploy.replay;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.novatune.events.Topics;

/**
 * The consumer group of a NovaTune service and the topics it consumes (architecture §3 "Topics", §5), so that an operator
 * can name the service instead of its group. The group is each service's {@code spring.kafka.consumer.group-id};
 * a deployment that overrides it is replayed with {@code --group}.
 */
record ServiceGroup(String service, String groupId, List<String> topics) {

    static final List<ServiceGroup> ALL = List.of(
            new ServiceGroup("track-api", "track-api", List.of(Topics.TRACK_PURGED, Topics.ARCHIVE_RESULTS)),
            new ServiceGroup("lifecycle-worker", "lifecycle-worker", List.of(Topics.TRACK_DELETED)),
            new ServiceGroup("ingestion-scheduler", "ingestion-scheduler", List.of(Topics.TRACK_ADDED, Topics.TRACK_INDEXED)),
            new ServiceGroup("discovery-service", "discovery-service", List.of(Topics.TRACK_ADDED)),
            new ServiceGroup("archiver", "archiver", List.of(Topics.ARCHIVE_DUE)));

    static Optional<ServiceGroup> of(String service) {
        return ALL.stream().filter(group -> group.service().equals(service)).findFirst();
    }

    static String serviceNames() {
        return ALL.stream().map(ServiceGroup::service).collect(Collectors.joining(", "));
    }
}
