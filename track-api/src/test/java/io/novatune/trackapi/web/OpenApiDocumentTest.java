package io.novatune.trackapi.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in API reference must be the document the application serves. After an API change,
 * regenerate it with {@code mvn -pl track-api verify -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
class OpenApiDocumentTest extends TrackApiIntegrationTest {

    private static final Path CHECKED_IN = Path.of("..", "docs", "api", "track-api.openapi.json");

    @Autowired
    WebTestClient http;

    @Test
    void the_served_openapi_document_is_the_one_checked_in_under_docs_api() throws Exception {
        JsonNode served = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        // The server URL is this test's random port: not part of the contract.
        ((tools.jackson.databind.node.ObjectNode) served).remove("servers");
        String rendered = json.writeValueAsString(json.treeToValue(served, Object.class)) + "\n";

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(CHECKED_IN, rendered);
        }
        assertThat(served.at("/paths/~1api~1v1~1tracks/get")).isNotNull();
        assertThat(Files.readString(CHECKED_IN))
                .as("docs/api/track-api.openapi.json is out of date: regenerate it with -Dopenapi.write=true")
                .isEqualTo(rendered);
    }
}
