package io.novatune.discovery.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A track of the user's discovery catalog, its external ids by database, and how it was identified each time.
 * {@code discoveryCount} is the number of mixes it was found in; {@code confidence}, {@code method} and
 * {@code metadataSources} are those of its latest identification. The list view leaves {@code discoveries} and
 * {@code sourceMixes} empty.
 */
public record CatalogTrack(String id, String artist, String title, String version, String label, String catalogNumber,
                           String releaseTitle, String releaseDate, String genre, Long durationMs, String isrc,
                           Double bpm, String musicalKey, Map<String, String> externalIds, Instant createdAt, Instant updatedAt,
                           int discoveryCount, Instant firstDiscovered, Instant lastSeen, String confidence, String method,
                           List<String> metadataSources, List<SourceMix> sourceMixes, List<DiscoveryRecord> discoveries) {

    CatalogTrack with(List<SourceMix> mixes, List<DiscoveryRecord> records) {
        List<String> sources = records.isEmpty() ? List.of() : records.get(records.size() - 1).sources();
        return new CatalogTrack(id, artist, title, version, label, catalogNumber, releaseTitle, releaseDate, genre,
                durationMs, isrc, bpm, musicalKey, externalIds, createdAt, updatedAt, discoveryCount, firstDiscovered, lastSeen,
                confidence, method, sources, mixes, records);
    }
}
