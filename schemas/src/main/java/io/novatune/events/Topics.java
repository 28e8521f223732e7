package io.novatune.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

/**
 * Kafka topic names and which event types travel on each (architecture §3 "Topics").
 * One track's deletion lifecycle shares {@link #TRACK_DELETED} so that it is consumed in order.
 */
public final class Topics {

    public static final String TRACK_ADDED = "track-added";
    public static final String TRACK_UPDATED = "track-updated";
    public static final String TRACK_DELETED = "track-deleted";
    public static final String TRACK_PURGED = "track-purged";
    public static final String ARCHIVE_DUE = "archive-due";
    public static final String ARCHIVE_RESULTS = "archive-results";
    public static final String INGESTION_REQUESTED = "ingestion-requested";
    public static final String TRACK_INDEXED = "track-indexed";
    public static final String TRACKS_DISCOVERED = "tracks-discovered";

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    private static final Map<String, List<Class<? extends SpecificRecord>>> EVENTS_BY_TOPIC = eventsByTopic();

    private Topics() {
    }

    private static Map<String, List<Class<? extends SpecificRecord>>> eventsByTopic() {
        Map<String, List<Class<? extends SpecificRecord>>> events = new LinkedHashMap<>();
        events.put(TRACK_ADDED, List.of(TrackAdded.class, AlbumAdded.class));
        events.put(TRACK_UPDATED, List.of(TrackUpdated.class));
        events.put(TRACK_DELETED, List.of(TrackDeleted.class, TrackRestored.class, TrackPurgeDue.class));
        events.put(TRACK_PURGED, List.of(TrackPurged.class));
        events.put(ARCHIVE_DUE, List.of(ArchiveDue.class));
        events.put(ARCHIVE_RESULTS, List.of(TrackArchived.class, ArchiveFailed.class));
        events.put(INGESTION_REQUESTED, List.of(IngestionRequested.class));
        events.put(TRACK_INDEXED, List.of(TrackIndexed.class));
        events.put(TRACKS_DISCOVERED, List.of(TracksDiscovered.class));
        return Collections.unmodifiableMap(events);
    }

    /** Every event topic (not the dead-letter topics), in the order of the design table. */
    public static List<String> all() {
        return List.copyOf(EVENTS_BY_TOPIC.keySet());
    }

    /** The dead-letter topic of {@code topic}, where spring-kafka's recoverer publishes records that failed. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** The event types that may appear on {@code topic}. */
    public static List<Class<? extends SpecificRecord>> eventTypes(String topic) {
        List<Class<? extends SpecificRecord>> types = EVENTS_BY_TOPIC.get(topic);
        if (types == null) {
            throw new IllegalArgumentException("unknown topic " + topic + "; known topics: " + all());
        }
        return types;
    }

    /** Every event type, each exactly once. */
    public static List<Class<? extends SpecificRecord>> allEventTypes() {
        return EVENTS_BY_TOPIC.values().stream().flatMap(List::stream).toList();
    }

    /** The topic an event of this type is published to. */
    public static String topicOf(Class<? extends SpecificRecord> eventType) {
        return EVENTS_BY_TOPIC.entrySet().stream()
                .filter(topic -> topic.getValue().contains(eventType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        eventType.getName() + " is not an event published on any topic"));
    }

    /** The topic an event is published to. */
    public static String topicOf(SpecificRecord event) {
        return topicOf(event.getClass());
    }
}
