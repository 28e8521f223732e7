package io.novatune.trackapi.deletion;

import io.novatune.platform.inbox.ProcessedEventsRetention;
import io.novatune.trackapi.inbox.BatchedRetention;
import io.novatune.trackapi.inbox.InboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Purged tracks' tombstones are kept as long as the inbox keeps event ids ({@code novatune.inbox.retention}): the
 * window in which a repeated DELETE is still told ALREADY_DELETED. Forgotten hourly, in batches.
 */
@Component
class TombstoneRetention {

    private static final Logger log = LoggerFactory.getLogger(TombstoneRetention.class);

    private final DeletionStore store;
    private final Duration retention;
    private final Clock clock;

    TombstoneRetention(DeletionStore store, InboxProperties inbox, Clock clock) {
        this.store = store;
        this.retention = inbox.retention();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT1H")
    void forgetOldTombstones() {
        long forgotten = forgetBefore(clock.instant().minus(retention)).block(Duration.ofMinutes(10));
        log.atInfo().addKeyValue("forgotten", forgotten).log("Forgot {} purged-track tombstones older than {}", forgotten, retention);
    }

    Mono<Long> forgetBefore(Instant cutoff) {
        return BatchedRetention.forgetInBatches(ProcessedEventsRetention.BATCH, batch -> store.forgetTombstones(cutoff, batch));
    }
}
