package io.novatune.discovery.jobs;

import io.novatune.discovery.catalog.NewCatalogTrack;
import io.novatune.discovery.identification.Confidence;

import java.util.List;

/**
 * What identifying one entry found: {@code IDENTIFIED} (strong or medium), {@code PROVISIONAL} (only a weak candidate,
 * for manual review) or {@code FAILED} (no candidate; {@code reason} says why). {@code track} is the match to write to
 * the catalog, null when failed; {@code method} is {@code local} or {@code api}.
 */
record EntryOutcome(EntryState state, NewCatalogTrack track, Confidence confidence, Double distance, String method,
                    List<String> sources, String reason) {

    static EntryOutcome failed(String reason) {
        return new EntryOutcome(EntryState.FAILED, null, null, null, null, List.of(), reason);
    }
}
