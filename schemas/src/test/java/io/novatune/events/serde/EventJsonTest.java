package io.novatune.events.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.novatune.events.EventSamples;
import io.novatune.events.TrackIndexed;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    static Stream<SpecificRecord> everyEvent() {
        return EventSamples.everyEventType().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("everyEvent")
    void every_event_renders_as_valid_json_with_a_readable_timestamp(SpecificRecord event) throws Exception {
        JsonNode node = json.readTree(EventJson.toJson(event));

        assertThat(node.get("eventId").asText()).isNotBlank();
        assertThat(node.get("occurredAt").asText()).isEqualTo("2026-11-22T10:15:30.123Z");
    }

    @Test
    void optional_fields_render_as_plain_values_or_null_and_quotes_are_escaped() throws Exception {
        TrackIndexed event = TrackIndexed.newBuilder(EventSamples.sample(TrackIndexed.class))
                .setTrackId(null).setIsrc("US\"X\"1").build();

        JsonNode node = json.readTree(EventJson.toJson(event));

        assertThat(node.get("trackId").isNull()).isTrue();
        assertThat(node.get("isrc").asText()).isEqualTo("US\"X\"1");
    }
}
