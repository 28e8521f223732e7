package io.novatune.discovery.identification;

/**
 * What is known of a track, on either side of a match: the tracklist entry or a candidate from a music database.
 * Any field may be {@code null}; a missing field does not count in the distance.
 */
public record TrackDescription(String artist, String title, String remix, String label, Long durationMs, String isrc) {
}
