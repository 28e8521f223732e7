package io.novatune.trackapi.timer;

import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.infra.PostgresServer;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TimerFlowIntegrationTest;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TimerBacklogTest extends TimerFlowIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_due_purge_locked_by_another_replica_is_skipped_and_counted_as_backlog_until_it_is_released() throws Exception {
        String user = "user-backlog-" + UUID.randomUUID();
        String id = addCatalogTrack(http, user, "Locked Elsewhere");
        PostgresServer postgres = TrackApiIntegrationTest.startPostgres(DATABASE);
        try (Connection otherReplica = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password())) {
            otherReplica.setAutoCommit(false);
            http.delete().uri("/api/v1/tracks/{id}", id)
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                    .exchange().expectStatus().isAccepted();
            try (PreparedStatement lock = otherReplica.prepareStatement("SELECT id FROM tracks WHERE id = ? FOR UPDATE")) {
                lock.setString(1, id);
                lock.executeQuery().close();
            }

            // Due after the two-second grace period, but the row is held: every sweep skips it and counts it.
            await().atMost(Duration.ofSeconds(60)).until(() -> backlog("purge") >= 1);
            assertThat(status(db, id)).isEqualTo("DELETED");

            otherReplica.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !"DELETED".equals(status(db, id)));
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog("purge") == 0);
    }

    private double backlog(String timer) {
        return meters.get("track.timer.backlog").tag("timer", timer).gauge().value();
    }
}
