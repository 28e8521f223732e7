package io.novatune.ingestion.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.platform.inbox.ProcessedEventsRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InboxRetentionTest extends IngestionIntegrationTest {

    @Autowired
    IsrcLedger ledger;

    @Test
    void ids_older_than_the_cutoff_are_forgotten_in_batches_and_newer_ones_are_kept() {
        String run = UUID.randomUUID().toString();
        // More than two batches of old ids, so that the loop has to come back twice.
        int old = 2 * ProcessedEventsRetention.BATCH + 7;
        jdbc.update("INSERT INTO processed_events (event_id, processed_at)"
                + " SELECT ? || '-old-' || n, now() - interval '40 days' FROM generate_series(1, ?) AS n", run, old);
        jdbc.update("INSERT INTO processed_events (event_id, processed_at)"
                + " SELECT ? || '-new-' || n, now() FROM generate_series(1, 5) AS n", run);

        long forgotten = ledger.forgetEventsProcessedBefore(Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));

        assertThat(forgotten).isGreaterThanOrEqualTo(old);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id LIKE ?", Long.class, run + "-old-%"))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_events WHERE event_id LIKE ?", Long.class, run + "-new-%"))
                .isEqualTo(5);
    }
}
