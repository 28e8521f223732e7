package io.novatune.trackapi.web;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MetricsTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void library_requests_and_the_relay_show_up_in_the_prometheus_scrape() {
        http.get().uri("/api/v1/tracks").headers(h -> h.setBearerAuth(TestTokens.forUser("metered"))).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/v1/tracks/01ARZ3NDEKTSV4RRFFQ69G5FAV").headers(h -> h.setBearerAuth(TestTokens.forUser("metered")))
                .exchange().expectStatus().isNotFound();

        String scrape = scrape();

        assertThat(scrape).containsPattern("track_list_requests_total\\{.*outcome=\"success\".*} [1-9]");
        assertThat(scrape).containsPattern("track_get_requests_total\\{.*outcome=\"client_error\".*} [1-9]");
        assertThat(scrape).contains("outbox_relay_leader").contains("outbox_relay_events_forwarded_total");
        // Sampled every 10 s and -1 until the relay has created its slot: a fresh context may scrape before that.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scrape()).containsPattern("outbox_relay_lag_bytes(\\{.*})? [0-9]"));
    }

    private String scrape() {
        return http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
