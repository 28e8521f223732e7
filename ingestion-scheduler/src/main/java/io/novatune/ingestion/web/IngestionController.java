package io.novatune.ingestion.web;

import io.novatune.events.Isrc;
import io.novatune.ingestion.ledger.LedgerEntry;
import io.novatune.ingestion.ledger.LedgerStats;
import io.novatune.ingestion.scheduling.IngestionStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only view of the ledger for operators ("was this recording sent to the index, when, and did it
 * arrive?"), through {@link IngestionStatus}. Like actuator, it is meant for the cluster-internal network, not for
 * end users.
 */
@RestController
@RequestMapping("/api/v1/ingestion")
class IngestionController {

    private final IngestionStatus status;

    IngestionController(IngestionStatus status) {
        this.status = status;
    }

    /** Any spelling the scheduler accepts works here too ({@code US-RC1-23-45678}). */
    @GetMapping("/{isrc}")
    LedgerEntry ingestionOf(@PathVariable String isrc) {
        Isrc valid = Isrc.parse(isrc).orElseThrow(() -> new InvalidIsrcException(isrc));
        return status.of(valid.code()).orElseThrow(() -> new UnknownIsrcException(valid.code()));
    }

    @GetMapping("/stats")
    LedgerStats stats() {
        return status.stats();
    }
}
