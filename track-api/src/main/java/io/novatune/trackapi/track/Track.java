package io.novatune.trackapi.track;

import java.time.Instant;

/** A track in a user's library, as stored. */
public record Track(
        String id,
        String userId,
        String title,
        String artist,
        String album,
        String isrc,
        String genre,
        Long durationMs,
        TrackStatus status,
        TrackSource source,
        CatalogRef catalogRef,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
