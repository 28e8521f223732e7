package io.novatune.lifecycle;

import io.novatune.events.TrackDeleted;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackRestored;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as track-api publishes them on track-deleted, for tracks and users of the test's own. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newId(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    public static TrackPurgeDue purgeDue(String trackId, String userId, List<String> objectKeys, long fileSizeBytes) {
        return TrackPurgeDue.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(trackId)
                .setUserId(userId)
                .setAttempt(1)
                .setObjectKeys(objectKeys)
                .setFileSizeBytes(fileSizeBytes)
                .build();
    }

    /** The reconciler's re-send of an unanswered purge: a new event id, the next attempt. */
    public static TrackPurgeDue resent(TrackPurgeDue purge) {
        return TrackPurgeDue.newBuilder(purge)
                .setEventId(UUID.randomUUID().toString())
                .setAttempt(purge.getAttempt() + 1)
                .build();
    }

    public static TrackDeleted deleted(String trackId, String userId, List<String> objectKeys, long fileSizeBytes) {
        Instant now = Instant.now();
        return TrackDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setTrackId(trackId)
                .setUserId(userId)
                .setDeletedAt(now)
                .setScheduledDeletionAt(now.plus(Duration.ofDays(30)))
                .setStatusBeforeDeletion("READY")
                .setObjectKeys(objectKeys)
                .setFileSizeBytes(fileSizeBytes)
                .build();
    }

    public static TrackRestored restored(String trackId, String userId) {
        Instant now = Instant.now();
        return TrackRestored.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setTrackId(trackId)
                .setUserId(userId)
                .setRestoredStatus("READY")
                .setRestoredAt(now)
                .build();
    }
}
