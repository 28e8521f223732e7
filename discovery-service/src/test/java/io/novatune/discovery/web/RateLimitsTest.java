package io.novatune.discovery.web;

import io.novatune.discovery.DiscoveryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

class RateLimitsTest extends DiscoveryIntegrationTest {

    @Test
    void the_eleventh_delete_in_a_minute_answers_429_with_retry_after_and_other_users_are_not_affected() {
        String user = "limited-" + UUID.randomUUID();
        for (int i = 0; i < 10; i++) {
            delete(user).expectStatus().isNotFound();
        }

        delete(user).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/rate-limited");
        delete("other-" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void the_sixth_discovery_job_in_a_minute_answers_429_while_the_same_users_other_requests_still_pass() {
        String user = "discoverer-" + UUID.randomUUID();
        // An unknown tracklist answers 404 after the filter: the budget counts attempts, not started jobs.
        for (int i = 0; i < 5; i++) {
            discover(user).expectStatus().isNotFound();
        }

        discover(user).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/rate-limited");
        // Its own bucket: the stricter limit does not spend the user's other budgets, nor they it.
        delete(user).expectStatus().isNotFound();
        http.get().uri("/api/v1/tracklists").headers(headers -> headers.setBearerAuth(tokenFor(user)))
                .exchange().expectStatus().isOk();
        discover("other-" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec discover(String user) {
        return http.post().uri("/api/v1/tracklists/01ARZ3NDEKTSV4RRFFQ69G5FAV/discover-tracks")
                .headers(headers -> headers.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("processAll", true)).exchange();
    }

    private WebTestClient.ResponseSpec delete(String user) {
        return http.delete().uri("/api/v1/tracklists/01ARZ3NDEKTSV4RRFFQ69G5FAV")
                .headers(headers -> headers.setBearerAuth(tokenFor(user))).exchange();
    }
}
