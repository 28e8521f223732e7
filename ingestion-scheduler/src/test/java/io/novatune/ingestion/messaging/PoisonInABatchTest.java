package io.novatune.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import io.novatune.ingestion.scheduling.DecisionLog;
import io.novatune.testsupport.kafka.ReceivedRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Poison records in the middle of one poll's batch: the records before each are decided once (committed, not
 * delivered again), the poison goes to the DLT alone, and the records after it are decided in the next poll.
 */
class PoisonInABatchTest extends IngestionIntegrationTest {

    private static final int PARTITION = 1;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    @Test
    void an_undecodable_and_a_misrouted_record_in_one_batch_go_to_the_dead_letter_topic_and_every_add_around_them_is_decided_once() {
        String key = "batch-" + UUID.randomUUID();
        List<TrackAdded> adds = List.of(TestEvents.trackAdded("user-batch", TestEvents.randomIsrc()),
                TestEvents.trackAdded("user-batch", TestEvents.randomIsrc()), TestEvents.trackAdded("user-batch", TestEvents.randomIsrc()));
        byte[] poison = "not an event".getBytes(StandardCharsets.UTF_8);
        double duplicatesBefore = duplicateEventsSkipped();

        // Stopped while they are published, so that the container's next poll brings all five at once.
        MessageListenerContainer trackAdded = listeners.getListenerContainer("track-added");
        trackAdded.stop();
        try {
            kafka.publish(PARTITION, key, adds.get(0));
            kafka.publishRaw(Topics.TRACK_ADDED, PARTITION, key, poison);
            kafka.publish(PARTITION, key, adds.get(1));
            kafka.publishTo(Topics.TRACK_ADDED, PARTITION, key, TestEvents.trackIndexed(TestEvents.randomIsrc(), key));
            kafka.publish(PARTITION, key, adds.get(2));
        } finally {
            trackAdded.start();
        }

        List<ReceivedRecord> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> kafka.deadLetters(Topics.TRACK_ADDED, key), found -> found.size() == 2);
        awaitIdle();
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(dead.get(0).header("kafka_dlt-exception-fqcn"))
                .isEqualTo("org.springframework.kafka.support.serializer.DeserializationException");
        assertThat(dead.get(1).header("kafka_dlt-exception-message")).contains("does not belong on " + Topics.TRACK_ADDED);
        assertThat(adds).allSatisfy(add -> {
            assertThat(requestsFor(add.getIsrc())).singleElement()
                    .satisfies(request -> assertThat(request.getTrackId()).isEqualTo(add.getTrackId()));
            assertThat(ledgerRow(add.getIsrc())).containsEntry("seen_count", 1L);
        });
        // Committed before the poison was handled: not one of them came a second time.
        assertThat(duplicateEventsSkipped()).isEqualTo(duplicatesBefore);
        assertThat(kafka.deadLetters(Topics.TRACK_ADDED, key)).hasSize(2);
    }

    private double duplicateEventsSkipped() {
        var counter = meters.find(DecisionLog.SKIPPED).tag("reason", "duplicate_event").counter();
        return counter == null ? 0 : counter.count();
    }
}
