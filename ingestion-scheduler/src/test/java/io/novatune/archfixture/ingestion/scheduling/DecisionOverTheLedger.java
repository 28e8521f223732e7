package io.novatune.archfixture.ingestion.scheduling;

import io.novatune.archfixture.ingestion.ledger.LedgerThatDecides;

/** The decision using the ledger, as it should; with {@link LedgerThatDecides} using it back, they form a cycle. */
public class DecisionOverTheLedger {

    public boolean decide(LedgerThatDecides ledger) {
        return ledger.claim(this);
    }
}
