package io.novatune.trackapi.web;

import tools.jackson.databind.JsonNode;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void the_61st_listing_within_a_minute_answers_429_with_retry_after_and_other_users_are_unaffected() {
        String user = "limited-" + UUID.randomUUID();

        Refusal refusal = firstRefusal(60, 200, () -> list(user));

        refusal.assertAllowedAbout(60);
        assertThat(refusal.answer().getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Integer.parseInt(refusal.answer().getResponseHeaders().getFirst("Retry-After"))).isBetween(1, 60);
        assertThat(refusal.answer().getResponseBody()).contains("/rate-limited\"");
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

        Refusal refusal = firstRefusal(30, 200, () -> patch(user, id));

        refusal.assertAllowedAbout(30);
        assertThat(refusal.answer().getResponseHeaders().getFirst("Retry-After")).isNotBlank();
    }

    @Test
    void the_121st_track_added_within_a_minute_answers_429_with_retry_after() {
        String user = "limited-" + UUID.randomUUID();
        int[] n = {0};

        Refusal refusal = firstRefusal(120, 201, () -> add(user, n[0]++));

        refusal.assertAllowedAbout(120);
        assertThat(refusal.answer().getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(refusal.answer().getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * How many requests passed before the first 429, the 429 itself, and how long that took. Buckets refill
     * continuously (60/min is one a second), so a slow machine earns a request per refill period meanwhile.
     */
    private record Refusal(int limit, int allowed, Duration took, EntityExchangeResult<String> answer) {

        void assertAllowedAbout(int perMinute) {
            long refilled = took.toMillis() * perMinute / 60_000 + 2;
            assertThat(allowed).as("allowed in %s", took).isBetween(perMinute, (int) (perMinute + refilled));
        }
    }

    private static Refusal firstRefusal(int limit, int success, Supplier<WebTestClient.ResponseSpec> request) {
        long started = System.nanoTime();
        int allowed = 0;
        while (allowed <= 3 * limit) {
            EntityExchangeResult<String> answer = request.get().expectBody(String.class).returnResult();
            int status = answer.getStatus().value();
            if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
                return new Refusal(limit, allowed, Duration.ofNanos(System.nanoTime() - started), answer);
            }
            assertThat(status).isEqualTo(success);
            allowed++;
        }
        throw new AssertionError("no 429 after " + allowed + " requests; the limit is " + limit);
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
