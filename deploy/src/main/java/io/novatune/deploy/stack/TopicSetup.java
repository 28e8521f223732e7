package io.novatune.deploy.stack;

import java.util.ArrayList;
import java.util.List;

import io.novatune.events.Topics;
import io.novatune.infra.KafkaServer;

/** Every event topic and its dead-letter topic, with the same partition count (architecture §3). */
public final class TopicSetup {

    static final int PARTITIONS = 3;

    private TopicSetup() {
    }

    static List<String> topicsWithDeadLetters() {
        List<String> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        }
        return List.copyOf(topics);
    }

    public static void createAll(KafkaServer kafka) {
        long startedAt = System.nanoTime();
        List<String> topics = topicsWithDeadLetters();
        kafka.createTopics(topics, PARTITIONS);
        Progress.done(topics.size() + " topics ready (" + PARTITIONS + " partitions each)", startedAt);
    }
}
