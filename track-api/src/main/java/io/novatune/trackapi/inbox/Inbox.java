package io.novatune.trackapi.inbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * The {@code processed_events} table: an event's effect commits together with its id, so a
 * redelivered or replayed event finds its id and has no second effect. A crash between the commit
 * and Kafka's offset commit only means the event comes again and is skipped.
 */
@Component
public class Inbox {

    /** Listener threads wait for the database; longer than this and the error handler retries the record. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    Inbox(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /**
     * Runs {@code effect} in one transaction with the inbox entry of {@code eventId}, unless that
     * event was processed before. Blocks: listener threads are not reactive threads. Empty when the
     * event is a duplicate or the effect had nothing to do.
     */
    public <T> Optional<T> once(String eventId, Mono<T> effect) {
        return db.sql("INSERT INTO processed_events (event_id) VALUES (:id) ON CONFLICT (event_id) DO NOTHING")
                .bind("id", eventId)
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted > 0 ? effect : Mono.empty())
                .as(transaction::transactional)
                .blockOptional(TIMEOUT);
    }
}
