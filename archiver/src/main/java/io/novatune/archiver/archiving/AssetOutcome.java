package io.novatune.archiver.archiving;

import io.novatune.archiver.storage.StoredCopy;
import io.novatune.events.AssetKind;

/** What became of one asset. */
public sealed interface AssetOutcome {

    AssetKind kind();

    /** @param alreadyStored a verified copy was there already: nothing was fetched or uploaded */
    record Archived(AssetKind kind, StoredCopy copy, boolean alreadyStored) implements AssetOutcome {
    }

    /** @param tries how many times it was tried in this process */
    record Failed(AssetKind kind, boolean retryable, String reason, int tries) implements AssetOutcome {
    }
}
