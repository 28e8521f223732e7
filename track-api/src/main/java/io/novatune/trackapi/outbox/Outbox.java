package io.novatune.trackapi.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox inside the caller's transaction.
 *
 * <p>The row is inserted and deleted at once: the write-ahead log keeps the insert for Debezium,
 * and the table never grows. If the transaction rolls back, neither the state change nor the
 * event ever existed.
 */
@Component
public class Outbox {

    private final DatabaseClient db;

    public Outbox(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(OutboxEvent event) {
        Mono<Void> insert = db.sql("""
                        INSERT INTO outbox (id, aggregate_type, aggregate_id, topic, event_type, payload, traceparent)
                        VALUES (:id, :aggregateType, :aggregateId, :topic, :eventType, :payload, :traceparent)
                        """)
                .bind("id", event.id())
                .bind("aggregateType", event.aggregateType())
                .bind("aggregateId", event.aggregateId())
                .bind("topic", event.topic())
                .bind("eventType", event.eventType())
                .bind("payload", event.payload())
                .bind("traceparent", Parameter.fromOrEmpty(event.traceparent(), String.class))
                .then();
        Mono<Void> delete = db.sql("DELETE FROM outbox WHERE id = :id").bind("id", event.id()).then();
        return insert.then(delete);
    }
}
