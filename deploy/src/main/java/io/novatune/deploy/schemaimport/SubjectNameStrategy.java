package io.novatune.deploy.schemaimport;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.novatune.events.Topics;

/**
 * How schema-import names the registry subject of a pinned schema. Both strategies let one topic carry several
 * event types (architecture §3: track-added has TrackAdded and AlbumAdded), which Confluent's default
 * TopicNameStrategy ({@code <topic>-value}) does not. ADR 0002 says why topic-record is the default.
 */
enum SubjectNameStrategy {

    /** Confluent's TopicRecordNameStrategy: {@code <topic>-<full name>}, e.g. {@code track-added-io.novatune.events.TrackAdded}. */
    TOPIC_RECORD("topic-record", "TopicRecordNameStrategy"),

    /** Confluent's RecordNameStrategy: the full name alone, e.g. {@code io.novatune.events.TrackAdded}. */
    RECORD("record", "RecordNameStrategy");

    private final String flagValue;
    private final String confluentName;

    SubjectNameStrategy(String flagValue, String confluentName) {
        this.flagValue = flagValue;
        this.confluentName = confluentName;
    }

    static SubjectNameStrategy ofFlag(String value) {
        return Arrays.stream(values())
                .filter(strategy -> strategy.flagValue.equals(value) || strategy.confluentName.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--subject-strategy must be one of "
                        + Arrays.stream(values()).map(strategy -> strategy.flagValue).collect(Collectors.joining(", "))
                        + ", not " + value));
    }

    String subjectOf(String fullName) {
        return switch (this) {
            case TOPIC_RECORD -> topicOf(fullName) + "-" + fullName;
            case RECORD -> fullName;
        };
    }

    String confluentName() {
        return confluentName;
    }

    private static String topicOf(String fullName) {
        return Topics.allEventTypes().stream()
                .filter(type -> type.getName().equals(fullName))
                .findFirst()
                .map(Topics::topicOf)
                .orElseThrow(() -> new IllegalStateException("no topic carries " + fullName + " (io.novatune.events.Topics), "
                        + "so TopicRecordNameStrategy cannot name its subject; use --subject-strategy record"));
    }
}
