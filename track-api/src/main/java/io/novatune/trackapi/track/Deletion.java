package io.novatune.trackapi.track;

import java.time.Instant;

/** A soft deletion: restorable until {@code scheduledDeletionAt}, then purged. */
public record Deletion(
        Instant deletedAt,
        Instant scheduledDeletionAt,
        TrackStatus statusBefore,
        Instant purgeRequestedAt,
        int purgeAttempts) {
}
