package io.novatune.archfixture.ingestion.ledger;

/** A ledger: by its name, storage that only its use case reaches. */
public class ShortcutLedger {

    public long count() {
        return 0;
    }
}
