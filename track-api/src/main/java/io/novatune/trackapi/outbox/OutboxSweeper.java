package io.novatune.trackapi.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Deletes the outbox's committed rows. Debezium reads the events from the write-ahead log, never from the table, and
 * the publication leaves deletes out, so a row may go as soon as its transaction has committed; uncommitted rows are
 * invisible here and stay. Every replica sweeps; rows another replica is deleting are skipped, not waited for.
 */
@Component
class OutboxSweeper {

    private final DatabaseClient db;

    OutboxSweeper(DatabaseClient db) {
        this.db = db;
    }

    @Scheduled(fixedDelayString = "${novatune.outbox.sweep-interval:PT1S}")
    void sweep() {
        db.sql("DELETE FROM outbox WHERE id IN (SELECT id FROM outbox FOR UPDATE SKIP LOCKED)")
                .fetch().rowsUpdated()
                .block(Duration.ofSeconds(30));
    }
}
