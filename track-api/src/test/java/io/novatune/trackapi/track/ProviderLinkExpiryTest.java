package io.novatune.trackapi.track;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderLinkExpiryTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Test
    void an_expiry_further_ahead_than_the_maximum_link_lifetime_answers_400_naming_the_field() {
        String user = "expiry-" + UUID.randomUUID();
        for (String expiresAt : new String[] {"+300000-01-01T00:00:00Z", Instant.now().plus(31, ChronoUnit.DAYS).toString()}) {
            JsonNode problem = add(user, expiresAt).expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("provider.expiresAt");
        }
    }

    @Test
    void an_expiry_within_the_maximum_link_lifetime_is_taken() {
        add("expiry-" + UUID.randomUUID(), Instant.now().plus(29, ChronoUnit.DAYS).toString()).expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec add(String user, String expiresAt) {
        return http.post().uri("/api/v1/tracks")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Generated", "artist": "Model",
                         "provider": {"name": "suno", "audioUrl": "https://cdn.suno.example/a.mp3", "expiresAt": "%s"}}
                        """.formatted(expiresAt))
                .exchange();
    }
}
