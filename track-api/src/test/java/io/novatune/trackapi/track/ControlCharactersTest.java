package io.novatune.trackapi.track;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** U+0000 is refused by PostgreSQL in text: every text field and text parameter answers 400 naming itself, not 500. */
class ControlCharactersTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void a_nul_or_other_control_character_in_any_text_field_of_a_new_track_answers_400_naming_each_field() {
        String user = newUser();
        JsonNode problem = post(user, "/api/v1/tracks", """
                {"title": "Nul\\u0000Title", "artist": "Bell\\u0007", "album": "A\\u001bB", "genre": "G\\u0000",
                 "catalogRef": {"service": "spotify", "id": "id\\u0000"}}
                """).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("title", "artist", "album", "genre", "catalogRef.id");
        assertThat(tracksOf(user)).isZero();
    }

    @Test
    void a_nul_in_a_patch_answers_400_and_leaves_the_track_as_it_was() {
        String user = newUser();
        String id = post(user, "/api/v1/tracks", """
                {"title": "Clean", "artist": "Clean", "catalogRef": {"service": "spotify", "id": "clean"}}
                """).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        JsonNode problem = http.patch().uri("/api/v1/tracks/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .bodyValue("{\"album\": \"\\u0000\", \"title\": \"ok\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("album");
        assertThat(db.sql("SELECT title FROM tracks WHERE id = :id").bind("id", id)
                .map(row -> row.get("title", String.class)).one().block()).isEqualTo("Clean");
    }

    @Test
    void a_nul_in_a_search_or_filter_of_the_library_answers_400_naming_the_parameter() {
        String user = newUser();
        for (String parameter : List.of("artist", "genre", "search")) {
            JsonNode problem = http.get().uri(uri -> uri.path("/api/v1/tracks").queryParam(parameter, "{value}").build("\u0000"))
                    .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(problem.get("errors").findValuesAsString("field")).containsExactly(parameter);
        }
    }

    @Test
    void a_nul_in_an_album_or_its_tracks_answers_400_naming_the_field() {
        String user = newUser();
        JsonNode problem = post(user, "/api/v1/library/albums", """
                {"title": "Album\\u0000", "artist": "Artist",
                 "tracks": [{"trackNumber": 1, "title": "One\\u0000", "isrc": "GBDUW9600001"}]}
                """).expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("title", "tracks[0].title");
    }

    private WebTestClient.ResponseSpec post(String user, String path, String json) {
        return http.post().uri(path)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private long tracksOf(String user) {
        return db.sql("SELECT count(*) AS n FROM tracks WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static String newUser() {
        return "control-" + UUID.randomUUID();
    }
}
