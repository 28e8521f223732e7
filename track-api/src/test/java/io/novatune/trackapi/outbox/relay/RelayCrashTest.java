package io.novatune.trackapi.outbox.relay;

import io.novatune.events.Topics;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RelayCrashTest extends RelayTest {

    @Test
    void no_event_is_lost_when_the_relay_is_killed_in_the_middle_of_500_writes() throws Exception {
        try (TopicRecorder topic = new TopicRecorder(TrackApiIntegrationTest.kafka(), Topics.TRACK_ADDED)) {
            List<String> written = new ArrayList<>();
            try (RelayProcess first = startRelay("first")) {
                await().atMost(Duration.ofSeconds(60)).until(first::currentRole, "LEADER"::equals);

                written.addAll(addTracks("before-crash", 250));
                await().atMost(Duration.ofSeconds(60)).until(() -> topic.keys().size() >= 50);
                first.crash();
                System.out.printf("relay killed after %d of 250 events had arrived%n", topic.keys().size());
            }
            written.addAll(addTracks("while-down", 250));
            assertThat(written).hasSize(500).doesNotHaveDuplicates();

            try (RelayProcess second = startRelay("second")) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(missing(written, topic)).isEmpty());
                System.out.printf("%d records for 500 tracks: duplicates are allowed, losses are not%n",
                        topic.records().size());
                second.stop();
            }
        }
    }
}
