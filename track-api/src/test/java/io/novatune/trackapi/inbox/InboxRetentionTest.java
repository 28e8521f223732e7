package io.novatune.trackapi.inbox;

import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InboxRetentionTest extends TrackApiIntegrationTest {

    @Autowired
    InboxRetention retention;

    @Autowired
    DatabaseClient db;

    @Test
    void event_ids_older_than_the_retention_are_forgotten_and_recent_ones_kept_so_a_replay_still_finds_them() {
        Instant now = Instant.now();
        Instant cutoff = now.minus(Duration.ofDays(30));
        List<String> old = IntStream.range(0, 25).mapToObj(i -> remember(cutoff.minus(Duration.ofHours(i + 1)))).toList();
        List<String> recent = IntStream.range(0, 5).mapToObj(i -> remember(cutoff.plus(Duration.ofHours(i + 1)))).toList();

        // Batches of 10: the 25 old ids take three.
        long forgotten = retention.forgetProcessedBefore(cutoff, 10).block();

        assertThat(forgotten).isGreaterThanOrEqualTo(old.size());
        assertThat(old).noneMatch(this::remembered);
        assertThat(recent).allMatch(this::remembered);
    }

    private String remember(Instant processedAt) {
        String eventId = UUID.randomUUID().toString();
        db.sql("INSERT INTO processed_events (event_id, processed_at) VALUES (:id, :at)")
                .bind("id", eventId).bind("at", processedAt).then().block();
        return eventId;
    }

    private boolean remembered(String eventId) {
        return db.sql("SELECT count(*) AS n FROM processed_events WHERE event_id = :id")
                .bind("id", eventId).map(row -> row.get("n", Long.class)).one().block() == 1;
    }
}
