package io.novatune.discovery.web;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.testsupport.openapi.MalformedInputSweep;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input on every operation of discovery-service's checked-in OpenAPI document, generated from it (so an
 * endpoint added later is swept too): no answer is a 5xx, and every error answer is {@code application/problem+json}.
 */
class MalformedInputSweepTest extends DiscoveryIntegrationTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "api", "discovery-service.openapi.json");

    @LocalServerPort
    int port;

    @Test
    void no_malformed_request_answers_a_server_error_and_every_error_is_a_problem() throws Exception {
        String user = "sweeper-" + UUID.randomUUID();
        String tracklist = http.post().uri("/api/v1/tracklists").headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Sweep", "format", "TEXT", "content", "01. Daft Punk - Da Funk"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/id").asString();

        List<MalformedInputSweep.Probe> corpus = MalformedInputSweep.corpus(DOCUMENT, (template, name) -> switch (name) {
            case "position" -> "1";
            default -> tracklist;
        });
        int[] sent = {0};
        String[] current = {user};
        List<MalformedInputSweep.Finding> findings = MalformedInputSweep.run("localhost", port, corpus, probe -> {
            // A fresh user now and then, so per-user rate limits do not answer in place of the code under test.
            if (sent[0]++ % 20 == 0 && sent[0] > 1) {
                current[0] = "sweeper-" + UUID.randomUUID();
            }
            return tokenFor(current[0]);
        });

        assertThat(corpus).extracting(MalformedInputSweep.Probe::template).contains("/api/v1/tracklists");
        assertThat(findings).as("answers to malformed input of %d probes", corpus.size()).isEmpty();
    }
}
