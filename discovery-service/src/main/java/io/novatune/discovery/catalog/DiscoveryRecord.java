package io.novatune.discovery.catalog;

import java.time.Instant;
import java.util.List;

/**
 * One identification of a catalog track: from which tracklist entry (none when by hand), how sure ({@code STRONG},
 * {@code MEDIUM}, {@code PROVISIONAL}), by what means ({@code local}, {@code api}, {@code manual}) and where the
 * metadata came from.
 */
public record DiscoveryRecord(String tracklistId, Integer position, String jobId, String confidence, double distance,
                              String method, List<String> sources, Instant createdAt) {
}
