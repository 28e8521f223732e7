package io.novatune.discovery.tracklist;

import java.time.Instant;

/** A tracklist in a list page. */
public record TracklistSummary(String id, String title, String djName, Instant playedAt, int entryCount, Instant createdAt) {
}
