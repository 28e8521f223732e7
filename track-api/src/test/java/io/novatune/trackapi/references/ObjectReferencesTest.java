package io.novatune.trackapi.references;

import tools.jackson.databind.JsonNode;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectReferencesTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void the_lifecycle_worker_learns_which_stored_objects_a_track_still_references() {
        String id = http.post().uri("/api/v1/tracks")
                .headers(h -> h.setBearerAuth(TestTokens.forUser("referencing-user")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"T\", \"artist\": \"A\", \"catalogRef\": {\"service\": \"s\", \"id\": \"1\"}}")
                .exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        db.sql("UPDATE tracks SET audio_object_key = :audio, archived_cover_key = :cover WHERE id = :id")
                .bind("audio", "audio/referencing-user/" + id)
                .bind("cover", "tracks-covers/referencing-user/" + id + ".jpg")
                .bind("id", id).then().block();

        JsonNode answer = http.post().uri("/api/v1/internal/objects/referenced")
                .headers(h -> h.setBearerAuth(TestTokens.forUser("lifecycle-worker", "service")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"keys\": [\"audio/referencing-user/" + id + "\", \"tracks-covers/referencing-user/" + id
                        + ".jpg\", \"audio/nobody/orphan\", \"audio/referencing-user/" + id + ".stale\", \"audio/outside-the-layout\"]}")
                .exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> referenced = new ArrayList<>();
        answer.get("referenced").forEach(key -> referenced.add(key.asText()));
        // A key of the track that is not one of its keys is not owned; a key outside the layout is kept, unknown.
        assertThat(referenced).containsExactlyInAnyOrder("audio/referencing-user/" + id,
                "tracks-covers/referencing-user/" + id + ".jpg", "audio/outside-the-layout");
    }

    @Test
    void only_services_may_ask() {
        http.post().uri("/api/v1/internal/objects/referenced")
                .headers(h -> h.setBearerAuth(TestTokens.forUser("curious-user")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"keys\": [\"audio/x\"]}")
                .exchange().expectStatus().isForbidden();
    }
}
