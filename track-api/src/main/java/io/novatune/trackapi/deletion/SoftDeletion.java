package io.novatune.trackapi.deletion;

import java.time.Instant;

/** A track's soft deletion as its owner sees it: the same on every repeated DELETE. */
public record SoftDeletion(String trackId, Instant deletedAt, Instant scheduledDeletionAt) {
}
