package io.novatune.trackapi.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox inside the caller's transaction.
 *
 * <p>The write-ahead log keeps each insert for Debezium; the row itself is never read again, so
 * {@link OutboxSweeper} deletes committed rows within a second and the table stays near empty. (They were deleted
 * in the writing transaction before: one more round trip on every write, for nothing the relay sees.) If the
 * transaction rolls back, neither the state change nor the event ever existed.
 */
@Component
public class Outbox {

    private static final String COLUMNS = "id, aggregate_type, aggregate_id, topic, event_type, payload, traceparent";
    private static final String PARAMETERS =
            ":outboxId, :outboxAggregateType, :outboxAggregateId, :outboxTopic, :outboxEventType, :outboxPayload, "
                    + ":outboxTraceparent";

    private final DatabaseClient db;

    public Outbox(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(OutboxEvent event) {
        return bind(db.sql("INSERT INTO outbox (" + COLUMNS + ") VALUES (" + PARAMETERS + ")"), event).then();
    }

    /**
     * The insert of an event's row for each row of {@code source} (a common table expression of the caller's
     * statement), so that a state change and its event are one statement: atomic without a transaction's extra
     * round trips. Bind its parameters with {@link #bind}.
     */
    public static String insertFor(String source) {
        return "INSERT INTO outbox (" + COLUMNS + ") SELECT " + PARAMETERS + " FROM " + source;
    }

    public static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement, OutboxEvent event) {
        return statement
                .bind("outboxId", event.id())
                .bind("outboxAggregateType", event.aggregateType())
                .bind("outboxAggregateId", event.aggregateId())
                .bind("outboxTopic", event.topic())
                .bind("outboxEventType", event.eventType())
                .bind("outboxPayload", event.payload())
                .bind("outboxTraceparent", Parameter.fromOrEmpty(event.traceparent(), String.class));
    }
}
