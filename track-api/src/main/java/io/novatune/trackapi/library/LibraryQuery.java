package io.novatune.trackapi.library;

import io.novatune.trackapi.track.TrackSource;
import io.novatune.trackapi.track.TrackStatus;

/**
 * One page of a user's library.
 *
 * @param status {@code null} lists the visible tracks; {@code DELETED} lists the trash
 * @param after  where the previous page ended; {@code null} for the first page
 */
public record LibraryQuery(
        String userId,
        String search,
        TrackStatus status,
        String artist,
        String genre,
        TrackSource source,
        SortField sortBy,
        boolean descending,
        int limit,
        PageCursor after) {
}
