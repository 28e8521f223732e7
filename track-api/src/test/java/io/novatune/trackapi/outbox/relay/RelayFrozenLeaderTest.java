package io.novatune.trackapi.outbox.relay;

import io.novatune.infra.PostgresServer;
import io.novatune.events.Topics;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RelayFrozenLeaderTest extends RelayTest {

    @Test
    void a_leader_whose_connections_freeze_without_closing_loses_the_lock_and_the_standby_relays_everything() throws Exception {
        PostgresServer postgres = TrackApiIntegrationTest.startPostgres(DATABASE);
        try (TopicRecorder topic = new TopicRecorder(TrackApiIntegrationTest.kafka(), Topics.TRACK_ADDED);
             FreezingTcpProxy proxy = FreezingTcpProxy.to(postgres.host(), postgres.port());
             RelayProcess frozen = RelayProcess.startThrough(proxy.port(), "frozen", postgres, DATABASE,
                     TrackApiIntegrationTest.kafka(), DATABASE, LOCK_KEY, OFFSET_TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).until(frozen::currentRole, "LEADER"::equals);
            List<String> written = new ArrayList<>(addTracks("before-the-freeze", 50));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(missing(written, topic)).isEmpty());

            try (RelayProcess standby = startRelay("standby")) {
                await().atMost(Duration.ofSeconds(30)).until(standby::currentRole, "STANDBY"::equals);
                proxy.freeze();
                written.addAll(addTracks("while-the-leader-is-frozen", 50));

                // The server ends the frozen lock session once it has been idle too long, whatever TCP says.
                await().atMost(Duration.ofSeconds(150)).until(standby::currentRole, "LEADER"::equals);
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(missing(written, topic)).isEmpty());
                assertThat(frozen.currentRole()).isNotEqualTo("LEADER");
            }
        }
    }
}
