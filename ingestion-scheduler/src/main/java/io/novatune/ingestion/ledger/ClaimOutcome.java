package io.novatune.ingestion.ledger;

import java.util.Map;

/**
 * The ledger's answer for the ISRCs of one add event.
 *
 * @param eventAlreadyProcessed the event was handled before: nothing was changed, {@code byIsrc} is empty
 * @param byIsrc                for each ISRC claimed, whether this event claimed it or it was known already
 */
public record ClaimOutcome(boolean eventAlreadyProcessed, Map<String, Claim> byIsrc) {

    public enum Claim {
        /** This event inserted the row: it is the one request for the ISRC. */
        NEW,
        ALREADY_REQUESTED,
        ALREADY_INDEXED
    }

    static ClaimOutcome duplicateEvent() {
        return new ClaimOutcome(true, Map.of());
    }
}
