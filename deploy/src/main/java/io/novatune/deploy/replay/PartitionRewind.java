package io.novatune.deploy.replay;

import java.util.OptionalLong;

/**
 * One partition of a replay plan.
 *
 * @param committed the group's committed offset; empty when the group has none on this partition
 * @param end       the partition's end offset: where a group that has consumed everything is
 * @param target    where the group would resume, already within the partition's earliest and end offsets
 * @param note      what the operator should know about this partition (a target moved into range), or empty
 */
record PartitionRewind(int partition, OptionalLong committed, long end, long target, String note) {

    /** Only ever back: moving forward would skip records the service has not processed yet. */
    boolean moves() {
        return committed.isPresent() && target < committed.getAsLong();
    }

    long recordsAgain() {
        return moves() ? committed.getAsLong() - target : 0;
    }

    String outcome() {
        if (committed.isEmpty()) {
            return "no committed offset: left as is (the service starts it from its auto-offset-reset)";
        }
        return moves() ? note : join(note, "already at or before the target: left as is");
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + "; " + second;
    }
}
