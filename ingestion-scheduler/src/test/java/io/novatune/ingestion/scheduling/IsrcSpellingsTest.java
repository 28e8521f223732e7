package io.novatune.ingestion.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import io.novatune.events.IngestionRequested;
import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.StructuredLog;
import io.novatune.ingestion.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class IsrcSpellingsTest extends IngestionIntegrationTest {

    @Test
    void three_spellings_of_one_isrc_make_one_request_for_USRC12345678(CapturedOutput output) {
        List<TrackAdded> adds = List.of(
                TestEvents.trackAdded("user-lower", "usrc12345678"),
                TestEvents.trackAdded("user-hyphens", "US-RC1-23-45678"),
                TestEvents.trackAdded("user-prefix", "ISRC USRC12345678"));

        adds.forEach(this::publish);

        awaitIdle();
        List<IngestionRequested> requests = requestsFor("USRC12345678");
        assertThat(requests).hasSize(1);
        assertThat(adds).extracting(TrackAdded::getTrackId).contains(requests.get(0).getTrackId());
        assertThat(ledgerRow("USRC12345678")).containsEntry("state", "REQUESTED").containsEntry("seen_count", 3L);
        await().until(() -> StructuredLog.events(output, DecisionLog.SKIPPED).stream()
                .filter(line -> line.path("isrc").asText().equals("USRC12345678")).count() == 2);
    }

    @Test
    void bad_isrcs_are_skipped_with_their_reason_as_a_warning_and_make_no_request(CapturedOutput output) {
        Map<String, String> reasonByRawIsrc = Map.of(
                "US-RC1-23-4567", "invalid_isrc",
                "USRC1234567X", "invalid_isrc",
                "1SRC12345678", "invalid_isrc",
                "", "missing_isrc");
        String user = "user-" + UUID.randomUUID();
        reasonByRawIsrc.keySet().forEach(raw -> kafka.publish(raw, TestEvents.trackAdded(user, raw)));
        TrackAdded withoutIsrc = publish(TestEvents.trackAdded(user, null));

        await().untilAsserted(() -> {
            List<JsonNode> skipped = StructuredLog.events(output, DecisionLog.SKIPPED).stream()
                    .filter(line -> line.path("userId").asText().equals(user)).toList();
            assertThat(skipped).hasSize(5).allSatisfy(line -> {
                assertThat(line.path("log").path("level").asText()).isEqualTo("WARN");
                assertThat(line.path("result").asText()).isEqualTo("skipped");
                assertThat(line.path("trackTitle").asText()).startsWith("Title of ");
                assertThat(line.has("duration_ms")).isTrue();
            });
            reasonByRawIsrc.forEach((raw, reason) -> assertThat(skipped)
                    .anySatisfy(line -> assertThat(line.path("reason").asText()).isEqualTo(reason)));
            // An invalid ISRC is logged as it came; a missing one (empty or absent) has no isrc field.
            assertThat(skipped).filteredOn(line -> !line.has("isrc")).hasSize(2)
                    .allSatisfy(line -> assertThat(line.path("reason").asText()).isEqualTo("missing_isrc"));
        });
        awaitIdle();
        assertThat(requests()).noneMatch(request -> request.getUserId().equals(user));
    }
}
