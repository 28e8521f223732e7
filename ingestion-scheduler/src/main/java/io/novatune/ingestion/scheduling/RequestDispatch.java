package io.novatune.ingestion.scheduling;

import java.util.List;

import io.novatune.ingestion.ledger.IngestionRequest;

/** Gets decided requests onto Kafka; implemented by the messaging side's relay. */
public interface RequestDispatch {

    /** New requests were committed to the ledger: publish them soon (they are safe there until then). */
    void requestsCommitted();

    /**
     * Fail-open: the ledger could not be asked, so publish these now, without it, and return only once Kafka
     * acknowledged them; throws otherwise, so the add event is retried.
     */
    void publishWithoutLedger(List<IngestionRequest> requests);
}
