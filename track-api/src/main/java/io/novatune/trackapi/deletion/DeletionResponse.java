package io.novatune.trackapi.deletion;

import java.time.Instant;

/** The answer to DELETE: {@code DELETED} for every repeat during the grace period, {@code ALREADY_DELETED} after the purge. */
public record DeletionResponse(String trackId, String status, Instant deletedAt, Instant scheduledDeletionAt,
                               Instant purgedAt) {

    static DeletionResponse of(SoftDeletion deletion) {
        return new DeletionResponse(deletion.trackId(), deletion.purgedAt() == null ? "DELETED" : "ALREADY_DELETED",
                deletion.deletedAt(), deletion.scheduledDeletionAt(), deletion.purgedAt());
    }
}
