package io.novatune.ingestion.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to ingest one recording, as the ledger keeps it until Kafka acknowledged it.
 *
 * @param eventId     the {@code IngestionRequested} eventId; the same on every (re-)send of this request
 * @param requestedAt when it was decided; null until the ledger has stored it
 * @param traceparent the W3C trace context of the decision, continued when the request is published; may be null
 */
public record IngestionRequest(String isrc, UUID eventId, String trackId, String userId, String title,
                               String artist, String album, Long durationMs, Instant requestedAt, String traceparent) {
}
