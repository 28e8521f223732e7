package io.novatune.trackapi.deletion;

import java.time.Instant;

/** A track's soft deletion as its owner sees it: the same on every repeated DELETE, until and after its purge. */
public record SoftDeletion(String trackId, Instant deletedAt, Instant scheduledDeletionAt, Instant purgedAt) {

    /** A track whose purge already happened: only its owner is told so. */
    static SoftDeletion purged(String trackId, Instant purgedAt) {
        return new SoftDeletion(trackId, null, null, purgedAt);
    }
}
