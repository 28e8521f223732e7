package io.novatune.discovery.statistics;

import java.time.Instant;
import java.util.List;

/**
 * Trends at {@code asOf}: the ten artists and genres growing most over the last 30 days against the 30 before,
 * discoveries per week over the last 12 weeks, the source types of the last 30 days' discoveries, and the
 * want-list's purchase conversion.
 */
public record DiscoveryTrends(Instant asOf, List<Trend> trendingArtists, List<Trend> trendingGenres,
                              List<WeeklyRate> discoveryRate, List<Count> preferredSources,
                              PurchaseConversion purchaseConversion) {
}
