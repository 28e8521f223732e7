package io.novatune.trackapi.deletion;

import io.novatune.events.TrackDeleted;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackRestored;
import io.novatune.trackapi.outbox.OutboxEvent;
import io.novatune.trackapi.track.Track;
import java.time.Instant;
import java.util.UUID;

/**
 * The deletion lifecycle's events, all on {@code track-deleted} keyed by track id, so the lifecycle
 * worker sees one track's events in order. They carry the object keys and size, so the worker never
 * has to call back.
 */
final class DeletionEvents {

    private static final String AGGREGATE_TYPE = "track";

    private DeletionEvents() {
    }

    static OutboxEvent deleted(Track track, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        var deletion = track.deletion();
        TrackDeleted event = TrackDeleted.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(deletion.deletedAt())
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setDeletedAt(deletion.deletedAt())
                .setScheduledDeletionAt(deletion.scheduledDeletionAt())
                .setStatusBeforeDeletion(deletion.statusBefore().name())
                .setObjectKeys(track.objectKeys())
                .setFileSizeBytes(track.fileSizeBytes())
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, track.id(), event, eventId, traceparent);
    }

    static OutboxEvent restored(Track track, Instant at, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        TrackRestored event = TrackRestored.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setRestoredStatus(track.status().name())
                .setRestoredAt(at)
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, track.id(), event, eventId, traceparent);
    }

    /** {@code attempt} is the row's purge_attempts after the claim: 1 for the first send. */
    static OutboxEvent purgeDue(Track track, Instant at, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        TrackPurgeDue event = TrackPurgeDue.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(at)
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setAttempt(track.deletion().purgeAttempts())
                .setObjectKeys(track.objectKeys())
                .setFileSizeBytes(track.fileSizeBytes())
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, track.id(), event, eventId, traceparent);
    }
}
