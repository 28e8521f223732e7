package io.novatune.deploy.replay;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a replay would change: per partition, where the group is and where it would resume.
 *
 * @param activeMembers the group's members when the plan was made (client id and host); must be none to execute
 */
record ReplayPlan(ReplayOptions options, List<PartitionRewind> partitions, List<String> activeMembers) {

    ReplayPlan {
        partitions = List.copyOf(partitions);
        activeMembers = List.copyOf(activeMembers);
    }

    long recordsAgain() {
        return partitions.stream().mapToLong(PartitionRewind::recordsAgain).sum();
    }

    Map<TopicPartition, OffsetAndMetadata> newOffsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (PartitionRewind partition : partitions) {
            if (partition.moves()) {
                offsets.put(new TopicPartition(options.topic(), partition.partition()), new OffsetAndMetadata(partition.target()));
            }
        }
        return offsets;
    }

    String refusal() {
        return refusal(options, activeMembers);
    }

    /** Why --execute does not go on while the group has these members (client id and host, or what is known of them). */
    static String refusal(ReplayOptions options, List<String> members) {
        return "group " + options.group() + " still has " + members.size() + " active member(s) (" + String.join(", ", members)
                + "): stop " + options.consumers() + " or scale it to zero replicas first, then run replay again.";
    }

    void print(PrintStream out) {
        out.println("Replay of group " + options.group() + " on topic " + options.topic() + " to " + options.target().describe()
                + (options.execute() ? "" : " (dry run: nothing is changed)"));
        out.printf("%-10s %-12s %-12s %-12s %-14s %s%n", "PARTITION", "CURRENT", "END", "TARGET", "RE-CONSUMED", "NOTE");
        for (PartitionRewind partition : partitions) {
            out.printf("%-10d %-12s %-12d %-12s %-14d %s%n", partition.partition(),
                    partition.committed().isPresent() ? String.valueOf(partition.committed().getAsLong()) : "-",
                    partition.end(), partition.moves() ? String.valueOf(partition.target()) : "-",
                    partition.recordsAgain(), partition.outcome());
        }
        out.println("In all " + recordsAgain() + " record(s) will be consumed again by group " + options.group() + ".");
        if (!activeMembers.isEmpty() && !options.execute()) { // with --execute the refusal says it
            out.println("Warning: " + refusal());
        }
    }
}
