package io.novatune.deploy.kafka;

import java.util.List;

import org.apache.kafka.common.TopicPartition;

/** The partitions an operator chose with {@code --partitions}, checked against those the topic has. */
public final class ChosenPartitions {

    private ChosenPartitions() {
    }

    /** @param chosen empty = all of the topic's */
    public static List<TopicPartition> of(String topic, List<Integer> existing, List<Integer> chosen) {
        List<Integer> sorted = existing.stream().sorted().toList();
        List<Integer> missing = chosen.stream().filter(partition -> !sorted.contains(partition)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " has partitions " + sorted + "; there is no partition " + missing);
        }
        return (chosen.isEmpty() ? sorted : chosen).stream().map(partition -> new TopicPartition(topic, partition)).toList();
    }
}
