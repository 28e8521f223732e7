package io.novatune.discovery.web;

import io.novatune.discovery.DiscoveryIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in API reference must be the document the service serves. After an API change, regenerate it with
 * {@code mvn -pl discovery-service verify -Dtest=OpenApiDocumentTest -Dopenapi.write=true}.
 */
class OpenApiDocumentTest extends DiscoveryIntegrationTest {

    private static final Path CHECKED_IN = Path.of("..", "docs", "api", "discovery-service.openapi.json");

    @Test
    void the_served_openapi_document_is_the_one_checked_in_under_docs_api() throws Exception {
        JsonNode served = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        ((ObjectNode) served).remove("servers");
        String rendered = json.writeValueAsString(json.treeToValue(served, Object.class)) + "\n";

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(CHECKED_IN, rendered);
        }
        assertThat(served.at("/paths/~1api~1v1~1tracklists/post").isMissingNode()).isFalse();
        assertThat(Files.readString(CHECKED_IN))
                .as("docs/api/discovery-service.openapi.json is out of date: regenerate it with -Dopenapi.write=true")
                .isEqualTo(rendered);
    }
}
