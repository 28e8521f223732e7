package io.novatune.trackapi.web;

import java.util.List;
import tools.jackson.databind.JsonNode;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class ApiEdgesTest extends TrackApiIntegrationTest {

    private static final String CATALOG_TRACK = """
            {"title": "Strings of Life", "artist": "Rhythim Is Rhythim", "isrc": "USA2B8700001",
             "catalogRef": {"service": "spotify", "id": "5KyRrwK7Kg1ABW2zD2GzEk"}}
            """;

    @Autowired
    WebTestClient http;

    @Test
    void a_request_without_a_valid_token_answers_401_as_a_problem() {
        JsonNode problem = http.get().uri("/api/v1/tracks")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("type").asText()).endsWith("/unauthorized");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/tracks");

        http.get().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth("not-a-jwt"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_token_the_issuer_granted_to_another_client_answers_401_even_with_the_admin_role() {
        String elsewhere = TestTokens.signed(TestTokens.claims("user-of-another-app", "admin")
                .audience(List.of("another-app")).build());

        http.get().uri("/api/v1/admin/archive/statistics")
                .headers(headers -> headers.setBearerAuth(elsewhere))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("user-of-this-app")))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void a_non_admin_on_an_admin_route_answers_403_as_a_problem() {
        http.get().uri("/api/v1/admin/archive/statistics")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("plain-user")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/forbidden"));
    }

    @Test
    void invalid_fields_answer_400_with_every_error_named() {
        JsonNode problem = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("user-edges")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "", "artist": "A", "isrc": "not-an-isrc", "bpm": 900, "musicalKey": "H#",
                         "durationMs": -1}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/tracks");
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("title", "isrc", "bpm", "musicalKey", "durationMs", "originGiven");
    }

    @Test
    void malformed_json_answers_400_as_a_problem_without_internals() {
        String body = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("user-edges")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void another_users_track_answers_404_exactly_like_an_unknown_one() {
        String id = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("owner")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(CATALOG_TRACK)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        http.get().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("owner")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"");
        JsonNode otherUsers = http.get().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("intruder")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode unknown = http.get().uri("/api/v1/tracks/{id}", "01ARZ3NDEKTSV4RRFFQ69G5FAV")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("intruder")))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(otherUsers.get("type")).isEqualTo(unknown.get("type"));
        assertThat(otherUsers.get("title")).isEqualTo(unknown.get("title"));
    }

    @Test
    void unknown_routes_wrong_methods_and_media_types_answer_problems() {
        String token = TestTokens.forUser("user-edges");
        expectProblem(http.get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(token)).exchange(),
                HttpStatus.NOT_FOUND);
        expectProblem(http.put().uri("/api/v1/tracks").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), HttpStatus.METHOD_NOT_ALLOWED);
        expectProblem(http.post().uri("/api/v1/tracks").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(), HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        expectProblem(http.get().uri("/api/v1/tracks").headers(h -> h.setBearerAuth(token))
                .accept(MediaType.APPLICATION_XML).exchange(), HttpStatus.NOT_ACCEPTABLE);
    }

    @Test
    void the_dev_token_endpoint_does_not_exist_outside_the_local_profile() {
        http.post().uri("/api/v1/dev/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\": \"me\", \"roles\": [\"admin\"]}")
                .exchange()
                .expectStatus().isNotFound();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, HttpStatus status) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status.value());
    }
}
