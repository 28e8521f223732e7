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

class RelayFailoverTest extends RelayTest {

    @Test
    void of_two_relays_over_one_database_only_one_publishes_and_the_other_takes_over_when_it_stops() throws Exception {
        try (TopicRecorder topic = new TopicRecorder(TrackApiIntegrationTest.kafka(), Topics.TRACK_ADDED);
             RelayProcess a = startRelay("a");
             RelayProcess b = startRelay("b")) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> "LEADER".equals(a.currentRole()) || "LEADER".equals(b.currentRole()));
            RelayProcess leader = "LEADER".equals(a.currentRole()) ? a : b;
            RelayProcess standby = leader == a ? b : a;
            await().atMost(Duration.ofSeconds(30)).until(standby::currentRole, "STANDBY"::equals);

            List<String> written = new ArrayList<>(addTracks("while-a-leads", 100));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(missing(written, topic)).isEmpty());
            assertThat(standby.hasLed()).as("the standby never ran the engine while the leader was up").isFalse();

            leader.stop();
            await().atMost(Duration.ofSeconds(60)).until(standby::currentRole, "LEADER"::equals);
            written.addAll(addTracks("after-takeover", 100));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(missing(written, topic)).isEmpty());
            assertThat(written).hasSize(200);
        }
    }
}
