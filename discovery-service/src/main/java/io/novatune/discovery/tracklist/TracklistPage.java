package io.novatune.discovery.tracklist;

import java.util.List;

/** A page of tracklists, newest first; {@code nextCursor} fetches the next. */
public record TracklistPage(List<TracklistSummary> items, String nextCursor, boolean hasMore) {
}
