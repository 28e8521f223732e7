package io.novatune.ingestion.messaging;

import io.novatune.testsupport.kafka.ReceivedRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.novatune.events.EventHeaders;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TraceContinuationTest extends IngestionIntegrationTest {

    @Test
    void the_request_is_published_in_the_trace_of_the_track_that_was_added() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String isrc = TestEvents.randomIsrc();
        TrackAdded add = TestEvents.trackAdded("user-traced", isrc);

        // As track-api's outbox relay sends it: the HTTP request's trace in the traceparent header.
        kafka.publish(add.getTrackId(), add, Map.of(EventHeaders.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01"));

        ReceivedRecord request = await().until(() -> kafka.records(Topics.INGESTION_REQUESTED, isrc), found -> !found.isEmpty()).get(0);
        String traceparent = request.header(EventHeaders.TRACEPARENT);
        assertThat(traceparent).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(ledgerRow(isrc).get("traceparent")).asString().startsWith("00-" + traceId + "-");
    }
}
