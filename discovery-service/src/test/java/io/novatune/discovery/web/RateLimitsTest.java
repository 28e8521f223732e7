package io.novatune.discovery.web;

import io.novatune.discovery.DiscoveryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

class RateLimitsTest extends DiscoveryIntegrationTest {

    @Autowired
    WebTestClient http;

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

    private WebTestClient.ResponseSpec delete(String user) {
        return http.delete().uri("/api/v1/tracklists/01ARZ3NDEKTSV4RRFFQ69G5FAV")
                .headers(headers -> headers.setBearerAuth(tokenFor(user))).exchange();
    }
}
