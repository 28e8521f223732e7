package io.novatune.trackapi.outbox.relay;

import io.novatune.infra.PostgresServer;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RelayMissingSlotTest extends RelayTest {

    private static final long OWN_LOCK = 4343;

    @Test
    void a_relay_whose_replication_slot_is_gone_refuses_to_stream_instead_of_creating_a_new_one_past_the_gap() throws Exception {
        PostgresServer postgres = TrackApiIntegrationTest.startPostgres(DATABASE);
        String lost = "tracks_relay_lost_slot";

        try (RelayProcess relay = RelayProcess.start("no-slot", postgres, DATABASE, TrackApiIntegrationTest.kafka(), lost,
                OWN_LOCK, OFFSET_TOPIC + "-no-slot")) {
            await().atMost(Duration.ofSeconds(60)).until(relay::currentRole, "NO_SLOT"::equals);
            // Its leadership attempts go on every 250 ms (an operator may recreate the slot); none leads or makes one.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> !relay.hasLed() && !slotExists(postgres, lost));
            assertThat(relay.currentRole()).isEqualTo("NO_SLOT");
        }
    }

    private static boolean slotExists(PostgresServer postgres, String slot) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + DATABASE,
                postgres.username(), postgres.password());
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
