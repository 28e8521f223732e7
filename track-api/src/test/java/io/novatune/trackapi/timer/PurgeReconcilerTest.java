package io.novatune.trackapi.timer;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackPurged;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TimerFlowIntegrationTest;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PurgeReconcilerTest extends TimerFlowIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void an_unanswered_purge_is_sent_again_until_it_gives_up_as_DELETE_FAILED_and_an_admin_retry_completes_it() throws Exception {
        String user = "user-stuck-" + UUID.randomUUID();
        String id = addCatalogTrack(http, user, "Stuck Purge");
        try (TopicRecorder trackDeleted = new TopicRecorder(TrackApiIntegrationTest.kafka(), Topics.TRACK_DELETED)) {
            http.delete().uri("/api/v1/tracks/{id}", id)
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                    .exchange().expectStatus().isAccepted();

            // Here: re-sent after 1 s without an answer, at most 3 attempts.
            await().atMost(Duration.ofSeconds(60)).until(() -> "DELETE_FAILED".equals(status(db, id)));
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(trackDeleted, id), sent -> sent.size() >= 3);
            assertThat(attempts(trackDeleted, id)).containsExactly(1, 2, 3);

            Map<?, ?> listed = http.get().uri("/api/v1/admin/deletions?status=DELETE_FAILED&limit=200")
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser("admin-ops", "admin")))
                    .exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat((List<?>) listed.get("items")).anySatisfy(item -> {
                Map<?, ?> entry = (Map<?, ?>) item;
                assertThat(entry.get("trackId")).isEqualTo(id);
                assertThat(entry.get("userId")).isEqualTo(user);
                assertThat(entry.get("purgeAttempts")).isEqualTo(3);
            });

            http.post().uri("/api/v1/admin/tracks/{id}/purge/retry", id)
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser("admin-ops", "admin")))
                    .exchange().expectStatus().isAccepted();
            await().atMost(Duration.ofSeconds(60)).until(() -> attempts(trackDeleted, id), sent -> sent.size() >= 4);
            assertThat(attempts(trackDeleted, id).get(3)).isEqualTo(1);

            // The lifecycle worker answers at last: the row goes, whatever the reconciler did meanwhile.
            TrackPurgeDue last = (TrackPurgeDue) trackDeleted.records().stream()
                    .filter(r -> id.equals(r.key()) && r.value() instanceof TrackPurgeDue)
                    .reduce((first, second) -> second).orElseThrow().value();
            kafka.publishTo(Topics.TRACK_PURGED, null, id, TrackPurged.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setOccurredAt(Instant.now())
                    .setTrackId(id)
                    .setUserId(user)
                    .setPurgeDueEventId(last.getEventId())
                    .setDeletedKeys(List.of())
                    .setBytesFreed(0)
                    .build());
            await().atMost(Duration.ofSeconds(60)).until(() -> status(db, id) == null);
        }
    }

    private static List<Integer> attempts(TopicRecorder topic, String trackId) {
        return topic.records().stream()
                .filter(r -> trackId.equals(r.key()) && r.value() instanceof TrackPurgeDue)
                .map(r -> ((TrackPurgeDue) r.value()).getAttempt())
                .toList();
    }
}
