package io.novatune.trackapi.outbox;

import io.novatune.events.Topics;
import io.novatune.events.TrackIndexed;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RolledBackChangesPublishNothingTest extends TrackApiIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionalOperator transaction;

    @Test
    void an_event_appended_in_a_transaction_that_rolls_back_is_never_published() throws Exception {
        String key = "rollback-" + UUID.randomUUID();
        try (TopicRecorder topic = new TopicRecorder(kafka(), Topics.TRACK_INDEXED)) {
            OutboxEvent rolledBack = event(key, "rolled-back");
            assertThatThrownBy(() -> outbox.append(rolledBack)
                    .then(Mono.error(new IllegalStateException("the state change failed")))
                    .as(transaction::transactional)
                    .block())
                    .hasMessageContaining("the state change failed");

            // Committed after the rollback, with the same key: same partition, so it arrives after
            // anything the rolled-back transaction could have published.
            OutboxEvent committed = event(key, "committed");
            outbox.append(committed).as(transaction::transactional).block();

            await().atMost(Duration.ofSeconds(60)).until(() -> topic.records().stream()
                    .anyMatch(r -> ((TrackIndexed) r.value()).getEventId().equals(committed.id().toString())));
            assertThat(topic.records())
                    .filteredOn(r -> key.equals(r.key()))
                    .extracting(r -> ((TrackIndexed) r.value()).getEventId())
                    .containsExactly(committed.id().toString());
        }
    }

    private static OutboxEvent event(String key, String note) {
        String eventId = UUID.randomUUID().toString();
        TrackIndexed event = TrackIndexed.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.now())
                .setIsrc("GBDUW9600012")
                .setTrackId(note)
                .build();
        return OutboxEvent.of("test", key, event, eventId, null);
    }
}
