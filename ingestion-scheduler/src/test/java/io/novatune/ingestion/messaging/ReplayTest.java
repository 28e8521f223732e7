package io.novatune.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.events.IngestionRequested;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import io.novatune.ingestion.ledger.IsrcLedger;
import io.novatune.ingestion.ledger.LedgerStats;
import io.novatune.ingestion.scheduling.DecisionLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

class ReplayTest extends IngestionIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    IsrcLedger ledger;

    @Autowired
    MeterRegistry meters;

    @Test
    void replaying_track_added_from_the_beginning_makes_no_new_request() throws Exception {
        String shared = TestEvents.randomIsrc();
        List<TrackAdded> adds = List.of(TestEvents.trackAdded("user-a", shared), TestEvents.trackAdded("user-b", shared),
                TestEvents.trackAdded("user-a", TestEvents.randomIsrc()), TestEvents.trackAdded("user-c", null));
        adds.forEach(this::publish);
        awaitIdle();
        Map<String, Long> requestsBefore = requestsByIsrc();
        LedgerStats ledgerBefore = ledger.stats();
        double duplicatesBefore = duplicateEventsSkipped();

        // What an operator's replay does: stop the service's consumers, rewind the group, start them again.
        listeners.stop();
        kafka.rewind(GROUP, Topics.TRACK_ADDED);
        listeners.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> duplicateEventsSkipped() - duplicatesBefore >= 3);
        awaitIdle();
        assertThat(requestsByIsrc()).isEqualTo(requestsBefore);
        assertThat(requestsBefore).containsEntry(shared, 1L);
        // Not even the seen counts move: each event was recognised as already processed.
        assertThat(ledger.stats()).isEqualTo(ledgerBefore);
    }

    private Map<String, Long> requestsByIsrc() {
        return requests().stream()
                .collect(Collectors.groupingBy(IngestionRequested::getIsrc, Collectors.counting()));
    }

    private double duplicateEventsSkipped() {
        var counter = meters.find(DecisionLog.SKIPPED).tag("reason", "duplicate_event").counter();
        return counter == null ? 0 : counter.count();
    }
}
