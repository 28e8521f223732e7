package io.novatune.ingestion.ledger;

import java.time.Instant;

/**
 * @param isrcs                rows in the ledger
 * @param requested            requested, not yet reported indexed
 * @param indexed              reported indexed by the indexing worker
 * @param awaitingPublish      requested but not yet acknowledged by Kafka (the relay's backlog)
 * @param oldestAwaitingPublish when the oldest of those was requested; null when there is none
 * @param timesSeen            add events counted over all ISRCs
 */
public record LedgerStats(long isrcs, long requested, long indexed, long awaitingPublish,
                          Instant oldestAwaitingPublish, long timesSeen) {
}
