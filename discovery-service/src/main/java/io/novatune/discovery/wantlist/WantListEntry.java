package io.novatune.discovery.wantlist;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A track the DJ wants to buy: the catalog track it is, priority 1 (low) to 5 (high), status {@code wanted},
 * {@code purchased} or {@code unavailable}; {@code libraryTrackId} is the track-api track that marked it purchased.
 */
public record WantListEntry(String id, String trackId, String artist, String title, String version, String label,
                            String isrc, int priority, String notes, String sourceTracklistId, String status,
                            LocalDate purchaseDate, Instant purchasedAt, String libraryTrackId, Instant addedAt,
                            Instant updatedAt) {
}
