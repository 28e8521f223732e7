package io.novatune.trackapi.outbox.relay;

import io.novatune.events.Topics;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The slot, not the offset store, is what keeps the relay's position: a relay whose offset topic is empty (a new
 * deployment, or the move of the offsets from the database to Kafka) starts at the slot's confirmed position and
 * relays every change committed since.
 */
class RelayWithoutStoredOffsetTest extends RelayTest {

    @Test
    void a_relay_with_no_stored_offset_relays_every_change_the_slot_holds() throws Exception {
        try (TopicRecorder topic = new TopicRecorder(TrackApiIntegrationTest.kafka(), Topics.TRACK_ADDED)) {
            // No relay runs: these changes wait in the slot.
            List<String> written = addTracks("waiting-in-slot", 200);
            assertThat(written).hasSize(200).doesNotHaveDuplicates();

            String emptyOffsetTopic = DATABASE + "-fresh-offsets-" + UUID.randomUUID();
            try (RelayProcess relay = startRelay("fresh", emptyOffsetTopic)) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(missing(written, topic)).isEmpty());
                relay.stop();
            }
        }
    }
}
