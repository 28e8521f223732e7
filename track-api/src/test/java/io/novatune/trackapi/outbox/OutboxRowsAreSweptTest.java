package io.novatune.trackapi.outbox;

import io.novatune.events.Topics;
import io.novatune.events.TrackIndexed;
import io.novatune.infra.PostgresServer;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRowsAreSweptTest extends TrackApiIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionalOperator transaction;

    @Test
    void a_committed_event_leaves_the_table_and_is_still_published() throws Exception {
        OutboxEvent event = event();
        try (TopicRecorder topic = new TopicRecorder(kafka(), Topics.TRACK_INDEXED);
             Connection reader = connection()) {
            outbox.append(event).as(transaction::transactional).block();

            await().atMost(Duration.ofSeconds(30)).until(() -> !stored(reader, event.id()));
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.records().stream()
                    .anyMatch(r -> ((TrackIndexed) r.value()).getEventId().equals(event.id().toString())));
        }
    }

    @Test
    void a_row_of_a_transaction_still_open_is_left_alone_until_it_commits() throws Exception {
        OutboxEvent open = event();
        OutboxEvent committedMeanwhile = event();
        try (TopicRecorder topic = new TopicRecorder(kafka(), Topics.TRACK_INDEXED);
             Connection writer = connection();
             Connection reader = connection()) {
            writer.setAutoCommit(false);
            insert(writer, open);
            outbox.append(committedMeanwhile).as(transaction::transactional).block();

            // A sweep has run since the open row was written: it took the committed row and not the open one.
            await().atMost(Duration.ofSeconds(30)).until(() -> !stored(reader, committedMeanwhile.id()));
            assertThat(stored(writer, open.id())).isTrue();

            writer.commit();
            await().atMost(Duration.ofSeconds(30)).until(() -> !stored(reader, open.id()));
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.records().stream()
                    .anyMatch(r -> ((TrackIndexed) r.value()).getEventId().equals(open.id().toString())));
        }
    }

    private static Connection connection() throws SQLException {
        PostgresServer postgres = startPostgres(DATABASE);
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }

    private static void insert(Connection connection, OutboxEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox (id, aggregate_type, aggregate_id, topic, event_type, payload)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, event.id());
            insert.setString(2, event.aggregateType());
            insert.setString(3, event.aggregateId());
            insert.setString(4, event.topic());
            insert.setString(5, event.eventType());
            insert.setBytes(6, event.payload());
            insert.executeUpdate();
        }
    }

    private static boolean stored(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM outbox WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static OutboxEvent event() {
        String eventId = UUID.randomUUID().toString();
        TrackIndexed event = TrackIndexed.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.now())
                .setIsrc("GBDUW9600012")
                .setTrackId("swept-" + eventId)
                .build();
        return OutboxEvent.of("test", "swept-" + eventId, event, eventId, null);
    }
}
