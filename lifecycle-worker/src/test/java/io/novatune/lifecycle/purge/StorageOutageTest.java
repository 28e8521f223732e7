package io.novatune.lifecycle.purge;

import io.novatune.events.TrackPurgeDue;
import io.novatune.lifecycle.LifecycleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.novatune.lifecycle.TestEvents.newId;
import static io.novatune.lifecycle.TestEvents.purgeDue;
import static io.novatune.lifecycle.TestEvents.resent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StorageOutageTest extends LifecycleIntegrationTest {

    @Test
    void a_purge_during_an_s3_outage_is_retried_and_completes_when_s3_returns_with_nothing_lost() {
        String user = newId("user");
        String track = newId("track");
        List<String> keys = List.of("audio/" + user + "/" + track, "tracks-covers/" + user + "/" + track + ".png");
        keys.forEach(key -> storage.put(key, 250));
        double unreachableBefore = count("track.physical.deletion.failures", "reason", "storage_unreachable");

        storage.server().stop();
        try {
            kafka.publish(track, purgeDue(track, user, keys, 250));

            // Failed, and tried again: the shared error handler's back-off at work.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    count("track.physical.deletion.failures", "reason", "storage_unreachable") >= unreachableBefore + 2);
            ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(((Map<?, ?>) ((Map<?, ?>) health.getBody().get("components")).get("s3")).get("status"))
                    .isEqualTo("DOWN");
            assertThat(purged(track)).isEmpty();
        } finally {
            storage.server().restart();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(track)).hasSize(1));
        assertThat(purged(track).get(0).getBytesFreed()).isEqualTo(500);
        assertThat(keys).noneMatch(storage::exists);
        assertThat(deadLetters(track)).isEmpty();
        assertThat(http.getForEntity("/actuator/health", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_purge_still_failing_after_its_retries_is_dead_lettered_with_the_reason_and_the_partition_moves_on() {
        String user = newId("user");
        String stuck = newId("track");
        String next = newId("track");
        String stuckAudio = "audio/" + user + "/" + stuck;
        String nextAudio = "audio/" + user + "/" + next;
        storage.put(stuckAudio, 100);
        storage.put(nextAudio, 100);
        TrackPurgeDue stuckPurge = purgeDue(stuck, user, List.of(stuckAudio), 100);

        storage.server().stop();
        try {
            kafka.publish(0, stuck, stuckPurge);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deadLetters(stuck)).hasSize(1));
        } finally {
            storage.server().restart();
        }
        var deadLetter = deadLetters(stuck).get(0);
        assertThat(deadLetter.partition()).isZero();
        assertThat(deadLetter.header("kafka_dlt-exception-fqcn")).isNotBlank();
        assertThat(deadLetter.header("kafka_dlt-exception-message")).contains("Unable to execute HTTP request");
        assertThat(deadLetter.header("event-id")).isEqualTo(stuckPurge.getEventId());

        // The partition is not stuck behind the dead letter.
        kafka.publish(0, next, purgeDue(next, user, List.of(nextAudio), 100));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(next)).hasSize(1));
        assertThat(storage.exists(nextAudio)).isFalse();

        // Nothing lost: track-api's reconciler re-sends a purge that got no TrackPurged, and that one completes.
        assertThat(purged(stuck)).isEmpty();
        assertThat(storage.exists(stuckAudio)).isTrue();
        kafka.publish(0, stuck, resent(stuckPurge));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(stuck)).hasSize(1));
        assertThat(storage.exists(stuckAudio)).isFalse();
    }
}
