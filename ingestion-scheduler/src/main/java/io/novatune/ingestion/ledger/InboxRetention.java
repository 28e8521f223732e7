package io.novatune.ingestion.ledger;

import java.time.Clock;
import java.time.Duration;

import io.novatune.ingestion.config.IngestionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps the inbox of processed add events from growing forever; the ledger alone still prevents a second request. */
@Component
class InboxRetention {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);

    private final IsrcLedger ledger;
    private final Duration retention;
    private final Clock clock;

    InboxRetention(IsrcLedger ledger, IngestionProperties properties, Clock clock) {
        this.ledger = ledger;
        this.retention = properties.processedEventsRetention();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOldEvents() {
        long forgotten = ledger.forgetEventsProcessedBefore(clock.instant().minus(retention));
        log.atInfo().addKeyValue("forgotten", forgotten).log("Forgot {} add events processed more than {} ago", forgotten, retention);
    }
}
