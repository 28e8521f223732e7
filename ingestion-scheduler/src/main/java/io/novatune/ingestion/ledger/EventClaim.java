package io.novatune.ingestion.ledger;

import java.util.List;

/**
 * The claims of one add event: the requests it would make, one per distinct ISRC it carries.
 *
 * @param requests at least one, at most one per ISRC
 */
public record EventClaim(String eventId, List<IngestionRequest> requests) {

    public EventClaim {
        requests = List.copyOf(requests);
    }
}
