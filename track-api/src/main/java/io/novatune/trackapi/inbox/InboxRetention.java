package io.novatune.trackapi.inbox;

import io.novatune.platform.inbox.ProcessedEventsRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps {@code processed_events} from growing forever: ids older than {@code novatune.inbox.retention} are
 * forgotten, hourly, in batches so that no run holds many row locks at once. Every replica runs it; rows another
 * replica is deleting are skipped, not waited for.
 */
@Component
class InboxRetention {

    private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
    private static final int BATCH = ProcessedEventsRetention.BATCH;

    private final DatabaseClient db;
    private final Duration retention;
    private final Clock clock;

    InboxRetention(DatabaseClient db, InboxProperties properties, Clock clock) {
        this.db = db;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOldEvents() {
        long forgotten = forgetProcessedBefore(clock.instant().minus(retention), BATCH).block(Duration.ofMinutes(10));
        log.atInfo().addKeyValue("forgotten", forgotten)
                .log("Forgot {} processed event ids older than {}", forgotten, retention);
    }

    Mono<Long> forgetProcessedBefore(Instant cutoff, int batch) {
        return BatchedRetention.forgetInBatches(batch, size -> forgetBatch(cutoff, size));
    }

    private Mono<Long> forgetBatch(Instant cutoff, int batch) {
        return db.sql(ProcessedEventsRetention.FORGET_BATCH)
                .bind("cutoff", cutoff)
                .bind("batch", batch)
                .fetch()
                .rowsUpdated();
    }
}
