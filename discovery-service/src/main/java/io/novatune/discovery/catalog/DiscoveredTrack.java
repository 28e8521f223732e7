package io.novatune.discovery.catalog;

/** A track found in one mix: where in it, how sure, and the catalog track it is. */
public record DiscoveredTrack(Integer position, Long cueTimeMs, String confidence, String method, String catalogTrackId,
                              String artist, String title, String version, String label, String genre) {
}
