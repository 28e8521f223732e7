package io.novatune.ingestion;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.springframework.boot.test.system.CapturedOutput;

/** The service's console output as the JSON lines a log pipeline reads (ECS layout). */
public final class StructuredLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredLog() {
    }

    /** Lines whose top-level {@code event} field is this one. */
    public static List<JsonNode> events(CapturedOutput output, String event) {
        return output.getOut().lines()
                .filter(line -> line.startsWith("{"))
                .map(StructuredLog::parse)
                .filter(line -> event.equals(line.path("event").asText(null)))
                .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JacksonException notJson) {
            return JSON.createObjectNode();
        }
    }
}
