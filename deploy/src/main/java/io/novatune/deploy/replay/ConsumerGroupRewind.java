package io.novatune.deploy.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;

import io.novatune.deploy.kafka.ChosenPartitions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.IllegalGenerationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Plans and applies a replay with Kafka's {@link Admin} client.
 * <p>
 * Not a wrapper of Kafka's own {@code kafka-consumer-groups --reset-offsets} ({@code ConsumerGroupCommand} in
 * {@code org.apache.kafka:kafka-tools}, 3.9.2 on Maven Central and managed by the Spring Boot BOM): its only public
 * entry point is {@code main}, its dry run prints the new offsets without the current ones or a count, and it
 * reports an active group on stderr and still exits 0, so wrapping it would mean parsing its text. It would also
 * put connect-runtime and a second logging backend (reload4j) on this classpath. The Admin calls are few.
 */
final class ConsumerGroupRewind {

    private final Admin admin;

    ConsumerGroupRewind(Admin admin) {
        this.admin = admin;
    }

    ReplayPlan plan(ReplayOptions options) {
        List<TopicPartition> partitions = partitions(options.topic(), options.partitions());
        Map<TopicPartition, OffsetAndMetadata> committed = committed(options.group(), partitions);
        if (committed.isEmpty()) {
            throw new IllegalStateException("group " + options.group() + " has no committed offset on " + options.topic()
                    + (options.partitions().isEmpty() ? "" : " partitions " + options.partitions())
                    + ": nothing to rewind. Is it the right group? A service's group is its spring.kafka.consumer.group-id.");
        }
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> atTime = options.target() instanceof RewindTarget.Time time
                ? offsets(partitions, OffsetSpec.forTimestamp(time.time().toEpochMilli()))
                : Map.of();
        List<PartitionRewind> rewinds = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata current = committed.get(partition);
            rewinds.add(rewind(partition.partition(), current == null ? OptionalLong.empty() : OptionalLong.of(current.offset()),
                    options.target(), earliest.get(partition), end.get(partition), atTime.get(partition)));
        }
        return new ReplayPlan(options, rewinds, activeMembers(options.group()));
    }

    /** Applies the plan; refuses while the group has members, whatever the plan saw when it was made. */
    void execute(ReplayPlan plan) {
        String group = plan.options().group();
        List<String> members = activeMembers(group);
        if (!members.isEmpty()) {
            throw new IllegalStateException(ReplayPlan.refusal(plan.options(), members) + " Nothing was changed.");
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = plan.newOffsets();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            await(admin.alterConsumerGroupOffsets(group, offsets).all(), "altering the offsets of group " + group);
        } catch (IllegalStateException e) {
            // Kafka itself refuses to move the offsets of a group with members: one joined since the check.
            if (e.getCause() instanceof UnknownMemberIdException || e.getCause() instanceof IllegalGenerationException) {
                throw new IllegalStateException(ReplayPlan.refusal(plan.options(), List.of("one that joined after the check"))
                        + " Nothing was changed.", e.getCause());
            }
            // The admin client retries "rebalance in progress" until its timeout, so a joining consumer ends here too.
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException("Kafka did not confirm the new offsets of group " + group + " in time: most likely a consumer"
                        + " joined the group after the check (Kafka does not move the offsets of a rebalancing group), or the broker"
                        + " did not answer (check --bootstrap and --command-config). Run the dry run again: it shows whether the"
                        + " offsets moved and names any member.", e.getCause());
            }
            throw e;
        }
    }

    private static PartitionRewind rewind(int partition, OptionalLong committed, RewindTarget target, long earliest, long end,
                                          Long atTime) {
        if (target instanceof RewindTarget.Offset offset) {
            if (offset.offset() < earliest) {
                return new PartitionRewind(partition, committed, end, earliest,
                        "offset " + offset.offset() + " is gone (retention): from the earliest, " + earliest);
            }
            if (offset.offset() > end) {
                return new PartitionRewind(partition, committed, end, end, "offset " + offset.offset() + " is past the end, " + end);
            }
            return new PartitionRewind(partition, committed, end, offset.offset(), "");
        }
        if (target instanceof RewindTarget.Time time) {
            // Kafka answers -1 when no record is that recent.
            return atTime < 0
                    ? new PartitionRewind(partition, committed, end, end, "no record at or after " + time.time())
                    : new PartitionRewind(partition, committed, end, atTime, "");
        }
        return new PartitionRewind(partition, committed, end, earliest, "");
    }

    private List<TopicPartition> partitions(String topic, List<Integer> wanted) {
        TopicDescription description;
        try {
            description = await(admin.describeTopics(List.of(topic)).allTopicNames(), "describing topic " + topic).get(topic);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic " + topic + " does not exist", e.getCause());
            }
            throw e;
        }
        return ChosenPartitions.of(topic, description.partitions().stream().map(TopicPartitionInfo::partition).toList(), wanted);
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = await(admin
                .listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
                .partitionsToOffsetAndMetadata(group), "reading the offsets of group " + group);
        Map<TopicPartition, OffsetAndMetadata> committed = new LinkedHashMap<>();
        // A partition the group never committed comes back with no offset.
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset);
            }
        });
        return committed;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        await(admin.listOffsets(request).all(), "listing offsets of " + partitions)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private List<String> activeMembers(String group) {
        return await(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group), "describing group " + group)
                .members().stream()
                .map(ConsumerGroupRewind::describe)
                .toList();
    }

    private static String describe(MemberDescription member) {
        return member.clientId() + " on " + member.host();
    }

    /** Kafka's answer, or an {@link IllegalStateException} that says what was asked (and carries Kafka's error). */
    private static <T> T await(KafkaFuture<T> answer, String what) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new IllegalStateException("no answer from Kafka while " + what
                        + " (is it running? check --bootstrap and --command-config)", e.getCause());
            }
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }
}
