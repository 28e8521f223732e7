package io.novatune.trackapi.web;

import tools.jackson.databind.JsonNode;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void the_61st_listing_within_a_minute_answers_429_with_retry_after_and_other_users_are_unaffected() {
        String user = "limited-" + UUID.randomUUID();
        assertThat(allowedBeforeTheFirst429(60, () -> list(user))).isBetween(60, 60 + LENIENCY);

        JsonNode problem = list(user)
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("type").asText()).endsWith("/rate-limited");

        list("someone-else-" + UUID.randomUUID()).expectStatus().isOk();
    }

    @Test
    void the_31st_update_within_a_minute_answers_429() {
        String user = "limited-" + UUID.randomUUID();
        String id = http.post().uri("/api/v1/tracks")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"T\", \"artist\": \"A\", \"catalogRef\": {\"service\": \"s\", \"id\": \"1\"}}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        assertThat(allowedBeforeTheFirst429(30, () -> patch(user, id))).isBetween(30, 30 + LENIENCY);
        patch(user, id).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists("Retry-After");
    }

    @Test
    void the_121st_track_added_within_a_minute_answers_429_with_retry_after() {
        String user = "limited-" + UUID.randomUUID();
        int[] n = {0};
        long started = System.nanoTime();

        int allowed = allowedBeforeTheFirst429(120, 201, () -> add(user, n[0]++));

        // Adding is slower than listing: the bucket refills by 2 a second meanwhile.
        long refilled = (System.nanoTime() - started) / 1_000_000_000L * 2 + 2;
        assertThat(allowed).isBetween(120, (int) (120 + refilled));
        add(user, n[0]++).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Buckets refill continuously (60/min = one a second), so a slow machine earns a few extra requests. */
    private static final int LENIENCY = 15;

    private static int allowedBeforeTheFirst429(int limit, Supplier<WebTestClient.ResponseSpec> request) {
        return allowedBeforeTheFirst429(limit, 200, request);
    }

    private static int allowedBeforeTheFirst429(int limit, int success, Supplier<WebTestClient.ResponseSpec> request) {
        int allowed = 0;
        while (allowed <= 3 * limit) {
            int status = request.get().returnResult(String.class).getStatus().value();
            if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
                return allowed;
            }
            assertThat(status).isEqualTo(success);
            allowed++;
        }
        return allowed;
    }

    private WebTestClient.ResponseSpec list(String user) {
        return http.get().uri("/api/v1/tracks?limit=1")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }

    private WebTestClient.ResponseSpec add(String user, int n) {
        return http.post().uri("/api/v1/tracks")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"T" + n + "\", \"artist\": \"A\", \"catalogRef\": {\"service\": \"s\", \"id\": \"" + n + "\"}}")
                .exchange();
    }

    private WebTestClient.ResponseSpec patch(String user, String id) {
        return http.patch().uri("/api/v1/tracks/{id}", id)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"genre\": \"g\"}")
                .exchange();
    }
}
