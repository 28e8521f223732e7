package io.novatune.discovery.statistics;

import java.time.Instant;
import java.util.List;

/**
 * The user's discoveries in a period: distinct tracks, artists and labels discovered; the ten genres with most
 * tracks; discoveries by the source type of their tracklist ({@code MANUAL} for ones identified by hand,
 * {@code UNKNOWN} for a tracklist without a type); the ten tracks found in most mixes.
 */
public record DiscoveryStatistics(String period, Instant periodStart, Instant periodEnd, long tracksDiscovered,
                                  long uniqueArtists, long uniqueLabels, List<Count> topGenres,
                                  List<Count> discoverySources, List<PlayedTrack> mostPlayedTracks) {
}
