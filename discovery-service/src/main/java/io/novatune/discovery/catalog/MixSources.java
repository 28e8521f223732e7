package io.novatune.discovery.catalog;

import java.util.List;

/** {@code GET /api/v1/discovery/sources/{tracklistId}}: the tracks discovered from one mix, in tracklist order. */
public record MixSources(String tracklistId, String title, String djName, List<DiscoveredTrack> tracks) {
}
