package io.novatune.trackapi.track;

import tools.jackson.databind.JsonNode;
import io.novatune.events.Topics;
import io.novatune.events.TrackUpdated;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PatchingTracksTest extends TrackApiIntegrationTest {

    private static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void a_merge_patch_sets_present_fields_clears_nulls_keeps_the_rest_and_publishes_TrackUpdated() throws Exception {
        String user = newUser();
        String id = addTrack(user);
        try (TopicRecorder updates = new TopicRecorder(kafka(), Topics.TRACK_UPDATED)) {
            JsonNode track = http.patch().uri("/api/v1/tracks/{id}", id)
                    .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                    .contentType(MERGE_PATCH)
                    .bodyValue("{\"title\": \"Strings of Life (Remaster)\", \"album\": null, \"bpm\": 124.5, \"musicalKey\": \"8A\"}")
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("ETag", "\"1\"")
                    .expectBody(JsonNode.class).returnResult().getResponseBody();

            assertThat(track.get("title").asText()).isEqualTo("Strings of Life (Remaster)");
            assertThat(track.has("album")).isFalse();
            assertThat(track.get("artist").asText()).isEqualTo("Rhythim Is Rhythim");
            assertThat(track.get("bpm").decimalValue()).isEqualByComparingTo("124.5");
            assertThat(track.get("version").asLong()).isEqualTo(1);

            TrackUpdated event = (TrackUpdated) await().atMost(Duration.ofSeconds(60))
                    .until(() -> updates.records().stream().filter(r -> id.equals(r.key())).findFirst(), found -> found.isPresent())
                    .orElseThrow().value();
            assertThat(event.getVersion()).isEqualTo(1);
            assertThat(event.getChangedFields()).containsExactlyInAnyOrder("title", "album", "bpm", "musicalKey");
            assertThat(event.getAlbum()).isNull();
            assertThat(event.getBpm()).isEqualTo(124.5);
        }
    }

    @Test
    void if_match_with_a_stale_version_answers_412_and_changes_nothing() {
        String user = newUser();
        String id = addTrack(user);
        patch(user, id, "\"0\"", "{\"genre\": \"Detroit Techno\"}").expectStatus().isOk();

        JsonNode problem = patch(user, id, "\"0\"", "{\"genre\": \"Acid\"}")
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
        assertThat(get(user, id).get("genre").asText()).isEqualTo("Detroit Techno");
    }

    @Test
    void of_two_concurrent_patches_with_the_same_if_match_exactly_one_wins() {
        String user = newUser();
        String id = addTrack(user);

        List<Integer> statuses = Flux.range(0, 8)
                .flatMap(i -> Mono.fromCallable(() -> patch(user, id, "\"0\"", "{\"genre\": \"Genre " + i + "\"}")
                        .returnResult(String.class).getStatus().value()))
                .collectList().block();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 412).hasSize(7);
        assertThat(get(user, id).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void invalid_patches_answer_400_naming_each_field() {
        String user = newUser();
        String id = addTrack(user);

        JsonNode problem = patch(user, id, null,
                "{\"title\": null, \"bpm\": 900, \"isrc\": \"nope\", \"color\": \"red\"}")
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "bpm", "isrc", "color");

        assertThat(patch(user, id, null, "{\"durationMs\": \"long\"}").expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("errors").get(0).get("field").asText())
                .isEqualTo("durationMs");
        patch(user, id, null, "[1, 2]").expectStatus().isBadRequest();
        assertThat(get(user, id).get("version").asLong()).isZero();
    }

    @Test
    void another_users_track_is_404_and_a_deleted_track_is_410_with_its_restore_deadline() {
        String user = newUser();
        String id = addTrack(user);
        patch(newUser(), id, null, "{\"genre\": \"x\"}").expectStatus().isNotFound();

        db.sql("UPDATE tracks SET status = 'DELETED', status_before_deletion = status, deleted_at = now(), "
                + "scheduled_deletion_at = now() + interval '30 days' WHERE id = :id").bind("id", id).then().block();

        JsonNode gone = patch(user, id, null, "{\"genre\": \"x\"}")
                .expectStatus().isEqualTo(HttpStatus.GONE)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(gone.get("restoreUntil").asText()).isNotBlank();
        http.get().uri("/api/v1/tracks/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GONE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.restoreUntil").isNotEmpty();
    }

    private WebTestClient.ResponseSpec patch(String user, String id, String ifMatch, String body) {
        return http.patch().uri("/api/v1/tracks/{id}", id)
                .headers(h -> {
                    h.setBearerAuth(TestTokens.forUser(user));
                    if (ifMatch != null) {
                        h.setIfMatch(ifMatch);
                    }
                })
                .contentType(MERGE_PATCH)
                .bodyValue(body)
                .exchange();
    }

    private JsonNode get(String user, String id) {
        return http.get().uri("/api/v1/tracks/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String addTrack(String user) {
        return http.post().uri("/api/v1/tracks")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Strings of Life", "artist": "Rhythim Is Rhythim", "album": "Techno!",
                         "catalogRef": {"service": "spotify", "id": "5KyRrwK7Kg1ABW2zD2GzEk"}}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
    }

    private static String newUser() {
        return "patcher-" + UUID.randomUUID();
    }
}
