package io.novatune.trackapi.web;

import io.novatune.testsupport.openapi.MalformedInputSweep;
import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input on every operation of the checked-in OpenAPI document (generated from it, so an operation added
 * later is swept too): no answer is a 5xx, and every error answer is {@code application/problem+json}.
 */
class MalformedInputSweepTest extends LibraryIntegrationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "api", "track-api.openapi.json");

    @LocalServerPort
    int port;

    @Test
    void no_malformed_request_answers_a_server_error_and_every_error_is_a_problem() throws Exception {
        String user = newUser();
        String track = addCatalogTrack(user);
        Map<String, Object> album = client().post().uri("/api/v1/library/albums")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Homework", "artist": "Daft Punk", "tracks": [{"title": "Da Funk"}]}""")
                .exchange().expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        String albumId = (String) album.get("id");

        List<MalformedInputSweep.Probe> corpus = MalformedInputSweep.corpus(DOCUMENT, (template, name) -> switch (name) {
            case "userId" -> user;
            case "link" -> "not-a-link";
            default -> template.startsWith("/api/v1/library/albums/") ? albumId : track;
        });
        // A fresh user now and then, so per-user rate limits do not answer in place of the code under test.
        int[] sent = {0};
        String[] current = {user};
        List<MalformedInputSweep.Finding> findings = MalformedInputSweep.run("localhost", port, corpus, probe -> {
            if (sent[0]++ % 20 == 0 && sent[0] > 1) {
                current[0] = newUser();
            }
            return TestTokens.forUser(current[0], "admin", "service");
        });

        assertThat(corpus).extracting(MalformedInputSweep.Probe::template)
                .contains("/api/v1/tracks", "/api/v1/tracks/{id}", "/api/v1/library/albums");
        assertThat(corpus).hasSizeGreaterThan(1_000);
        assertThat(findings).as("answers to malformed input of %d probes", corpus.size()).isEmpty();
    }
}
