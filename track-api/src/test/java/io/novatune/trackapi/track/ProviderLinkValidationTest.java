package io.novatune.trackapi.track;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider links are checked where they enter, {@code POST /api/v1/tracks}; ProviderLinkRulesTest has every case. */
class ProviderLinkValidationTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "audioUrl | file:///etc/passwd",
            "audioUrl | http://169.254.169.254/latest/meta-data/iam/security-credentials/",
            "audioUrl | http://x/a b",
            "coverUrl | http://[::1]:8080/cover.jpg",
            "videoUrl | gopher://cdn.suno.example/v.mp4"})
    void a_hostile_or_malformed_link_answers_400_naming_its_field_and_adds_nothing(String field, String link) {
        String user = "links-" + UUID.randomUUID();
        Map<String, Object> provider = new HashMap<>(Map.of("name", "suno", "audioUrl", "https://cdn.suno.example/a.mp3",
                "expiresAt", Instant.now().plus(10, ChronoUnit.DAYS).toString()));
        provider.put(field, link);

        JsonNode problem = add(user, provider).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("type").asString()).isEqualTo("https://novatune.io/problems/validation-failed");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("provider." + field);
        assertThat(count(user)).isZero();
    }

    @Test
    void an_expiry_in_the_past_answers_400_naming_provider_expiresAt() {
        String user = "links-" + UUID.randomUUID();

        JsonNode problem = add(user, Map.of("name", "suno", "audioUrl", "https://cdn.suno.example/a.mp3",
                "expiresAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString()))
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("provider.expiresAt");
        assertThat(problem.get("errors").findValuesAsString("message")).containsExactly(
                "must be in the future: the links have already expired");
    }

    @Test
    void a_provider_with_an_allow_list_adds_links_to_its_hosts_only() {
        String user = "links-" + UUID.randomUUID();
        String expiresAt = Instant.now().plus(10, ChronoUnit.DAYS).toString();

        add(user, Map.of("name", "mureka", "audioUrl", "https://" + ALLOW_LISTED_HOST + "/a.mp3?sig=abc",
                "expiresAt", expiresAt)).expectStatus().isCreated();
        JsonNode problem = add(user, Map.of("name", "mureka", "audioUrl", "https://cdn.mureka.example/a.mp3",
                "coverUrl", "https://elsewhere.example/c.jpg", "expiresAt", expiresAt))
                .expectStatus().isBadRequest()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("provider.coverUrl");
        assertThat(problem.get("errors").findValuesAsString("message")).containsExactly(
                "host elsewhere.example is not on the allow-list of provider mureka");
        assertThat(count(user)).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec add(String user, Map<String, Object> provider) {
        return http.post().uri("/api/v1/tracks")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Generated", "artist", "Model", "provider", provider))
                .exchange();
    }

    private long count(String user) {
        return db.sql("SELECT count(*) AS n FROM tracks WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
