package io.novatune.ingestion.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class IngestionApiTest extends IngestionIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void an_operator_sees_the_state_of_one_isrc_in_any_spelling() {
        String isrc = TestEvents.randomIsrc();
        TrackAdded add = publish(TestEvents.trackAdded("user-api", isrc));
        awaitIdle();
        String hyphenated = isrc.substring(0, 2) + "-" + isrc.substring(2, 5) + "-" + isrc.substring(5, 7) + "-" + isrc.substring(7);

        ResponseEntity<Map<String, Object>> response = get("/api/v1/ingestion/{isrc}", hyphenated.toLowerCase());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody())
                .containsEntry("isrc", isrc)
                .containsEntry("state", "REQUESTED")
                .containsEntry("firstTrackId", add.getTrackId())
                .containsEntry("firstUserId", "user-api")
                .containsEntry("seenCount", 1)
                .containsKeys("requestedAt", "publishedAt")
                .doesNotContainKey("indexedAt");
    }

    @Test
    void an_indexed_isrc_shows_when_it_was_indexed() {
        String isrc = TestEvents.randomIsrc();
        kafka.publish(isrc, TestEvents.trackIndexed(isrc, "track-from-elsewhere"));
        awaitIdle();

        Map<String, Object> entry = get("/api/v1/ingestion/{isrc}", isrc).getBody();

        assertThat(entry).containsEntry("state", "INDEXED").containsEntry("seenCount", 0).containsKey("indexedAt");
    }

    @Test
    void an_unknown_isrc_is_a_404_problem() {
        ResponseEntity<Map<String, Object>> response = get("/api/v1/ingestion/{isrc}", TestEvents.randomIsrc());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody())
                .containsEntry("type", "https://novatune.io/problems/isrc-not-found")
                .containsEntry("status", 404)
                .containsKeys("title", "detail", "instance");
    }

    @Test
    void an_invalid_isrc_is_a_400_problem() {
        ResponseEntity<Map<String, Object>> response = get("/api/v1/ingestion/{isrc}", "US-RC1-23-4567");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody())
                .containsEntry("type", "https://novatune.io/problems/invalid-isrc")
                .containsEntry("status", 400)
                .containsEntry("instance", "/api/v1/ingestion/US-RC1-23-4567");
    }

    @Test
    void stats_count_the_ledger() {
        String isrc = TestEvents.randomIsrc();
        TrackAdded add = publish(TestEvents.trackAdded("user-stats", isrc));
        awaitIdle();

        Map<String, Object> stats = get("/api/v1/ingestion/stats").getBody();

        assertThat(((Number) stats.get("isrcs")).longValue()).isPositive();
        assertThat(((Number) stats.get("requested")).longValue() + ((Number) stats.get("indexed")).longValue())
                .isEqualTo(((Number) stats.get("isrcs")).longValue());
        assertThat(stats.get("awaitingPublish")).isEqualTo(0);
        assertThat(stats).containsKey("timesSeen").doesNotContainKey("oldestAwaitingPublish");
    }

    private ResponseEntity<Map<String, Object>> get(String path, Object... variables) {
        return http.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        }, variables);
    }
}
