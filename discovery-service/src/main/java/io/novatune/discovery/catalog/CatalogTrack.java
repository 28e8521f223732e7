package io.novatune.discovery.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A track of the user's discovery catalog, its external ids by database, and how it was identified each time. */
public record CatalogTrack(String id, String artist, String title, String version, String label, String catalogNumber,
                           String releaseTitle, String releaseDate, String genre, Long durationMs, String isrc,
                           Double bpm, String musicalKey, Map<String, String> externalIds, Instant createdAt, Instant updatedAt,
                           List<DiscoveryRecord> discoveries) {
}
