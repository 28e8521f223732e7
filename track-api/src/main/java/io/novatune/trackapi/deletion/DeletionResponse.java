package io.novatune.trackapi.deletion;

import java.time.Instant;

/** The answer to DELETE: the same for every repeat, as long as the track has not been purged. */
public record DeletionResponse(String trackId, String status, Instant deletedAt, Instant scheduledDeletionAt) {

    static DeletionResponse of(SoftDeletion deletion) {
        return new DeletionResponse(deletion.trackId(), "DELETED", deletion.deletedAt(), deletion.scheduledDeletionAt());
    }
}
