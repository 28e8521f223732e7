package io.novatune.lifecycle.messaging;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurged;
import io.novatune.lifecycle.LifecycleIntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.novatune.lifecycle.TestEvents.newId;
import static io.novatune.lifecycle.TestEvents.purgeDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PoisonRecordTest extends LifecycleIntegrationTest {

    @Test
    void a_record_that_does_not_decode_goes_to_the_dead_letter_topic_as_it_was_and_the_next_records_are_processed() {
        String poisonKey = newId("poison");
        byte[] garbage = "{\"not\": \"an avro event\"}".getBytes(StandardCharsets.UTF_8);
        String user = newId("user");
        String next = newId("track");
        String nextAudio = "audio/" + user + "/" + next;
        storage.put(nextAudio, 10);

        kafka.publishRaw(Topics.TRACK_DELETED, 1, poisonKey, garbage);
        kafka.publish(1, next, purgeDue(next, user, List.of(nextAudio), 10));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.deadLettersOf(poisonKey)).hasSize(1));
        var deadLetter = kafka.deadLettersOf(poisonKey).get(0);
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.partition()).isEqualTo(1);
        assertThat(deadLetter.header("kafka_dlt-exception-fqcn")).contains("DeserializationException");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.purged(next)).hasSize(1));
        assertThat(storage.exists(nextAudio)).isFalse();
    }

    @Test
    void an_event_that_does_not_belong_on_the_topic_is_dead_lettered_at_once_with_the_reason() {
        String track = newId("track");
        // A TrackPurged is valid Avro but no business of track-deleted.
        TrackPurged misrouted = TrackPurged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(track)
                .setUserId(newId("user"))
                .setDeletedKeys(List.of())
                .setBytesFreed(0)
                .build();

        kafka.publishTo(Topics.TRACK_DELETED, null, track, misrouted);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.deadLettersOf(track)).hasSize(1));
        assertThat(kafka.deadLettersOf(track).get(0).header("kafka_dlt-exception-message"))
                .contains("io.novatune.events.TrackPurged does not belong on track-deleted");
        assertThat(kafka.purged(track)).isEmpty();
    }
}
