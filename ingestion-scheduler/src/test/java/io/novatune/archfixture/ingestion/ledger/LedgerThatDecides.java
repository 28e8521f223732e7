package io.novatune.archfixture.ingestion.ledger;

import io.novatune.archfixture.ingestion.scheduling.DecisionOverTheLedger;

/** Violation: a ledger that calls back into the decision, closing a cycle between the two packages. */
public class LedgerThatDecides {

    public boolean claim(DecisionOverTheLedger decision) {
        return decision != null;
    }
}
