package io.novatune.ingestion.scheduling;

import io.novatune.ingestion.ledger.IsrcLedger;
import io.novatune.ingestion.ledger.LedgerEntry;
import io.novatune.ingestion.ledger.LedgerStats;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * What the ledger says about the scheduling so far, for the operator API: the entry of one ISRC and the totals
 * (with the relay's backlog). The web layer reads the ledger only through this.
 */
@Service
public class IngestionStatus {

    private final IsrcLedger ledger;

    public IngestionStatus(IsrcLedger ledger) {
        this.ledger = ledger;
    }

    /** @param isrc a normalised ISRC ({@link io.novatune.events.Isrc#code()}) */
    public Optional<LedgerEntry> of(String isrc) {
        return ledger.find(isrc);
    }

    public LedgerStats stats() {
        return ledger.stats();
    }
}
