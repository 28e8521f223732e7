package io.novatune.ingestion.ledger;

/** Where one ISRC stands: requested from the indexing worker, then confirmed indexed by it. */
public enum LedgerState {
    REQUESTED,
    INDEXED
}
