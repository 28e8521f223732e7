package io.novatune.discovery.catalog;

import java.time.Instant;

/**
 * What the catalog list is narrowed to: artist, title and label as case-insensitive substrings, genre as a whole
 * (case-insensitive), tracks first discovered after an instant, a least confidence of the latest identification
 * (STRONG > MEDIUM > PROVISIONAL) and its method. Null fields do not narrow.
 */
public record CatalogFilter(String artist, String title, String genre, String label, Instant discoveredAfter,
                            String minConfidence, String method) {
}
