package io.novatune.ingestion.ledger;

import java.time.Instant;

/** One ISRC's row, as operators see it. Request fields are null for an ISRC only ever reported indexed. */
public record LedgerEntry(String isrc, LedgerState state, String firstTrackId, String firstUserId, String title,
                          String artist, String album, Long durationMs, Instant requestedAt, Instant publishedAt,
                          Instant indexedAt, long seenCount, Instant firstSeenAt, Instant lastSeenAt) {
}
