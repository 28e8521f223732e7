package io.novatune.lifecycle.messaging;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackPurged;
import io.novatune.lifecycle.LifecycleIntegrationTest;
import io.novatune.testsupport.kafka.ReceivedRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.novatune.lifecycle.TestEvents.deleted;
import static io.novatune.lifecycle.TestEvents.newId;
import static io.novatune.lifecycle.TestEvents.purgeDue;
import static io.novatune.lifecycle.TestEvents.restored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReplayTest extends LifecycleIntegrationTest {

    private static final List<String> RETRYABLE_FAILURES = List.of("storage_unreachable", "storage_rejected", "publish_failed");

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Test
    void replaying_the_whole_track_deleted_topic_from_the_beginning_causes_no_error_and_no_second_effect() {
        String user = newId("user");
        String purgedTrack = newId("track");
        String restoredTrack = newId("track");
        List<String> purgedKeys = List.of("audio/" + user + "/" + purgedTrack, "tracks-audio/" + user + "/" + purgedTrack + ".mp3");
        String restoredAudio = "audio/" + user + "/" + restoredTrack;
        purgedKeys.forEach(key -> storage.put(key, 300));
        storage.put(restoredAudio, 300);
        TrackPurgeDue purge = purgeDue(purgedTrack, user, purgedKeys, 300);
        kafka.publish(purgedTrack, deleted(purgedTrack, user, purgedKeys, 300));
        kafka.publish(restoredTrack, deleted(restoredTrack, user, List.of(restoredAudio), 300));
        kafka.publish(purgedTrack, purge);
        kafka.publish(restoredTrack, restored(restoredTrack, user));
        awaitCaughtUp();
        assertThat(purged(purgedTrack)).hasSize(1);
        Set<String> deadLettersBefore = deadLetterOrigins();
        double purgesBefore = count("track.physical.deletions", "result", "deleted");
        double bytesBefore = count("track.storage.bytes.freed", "source", "purge");
        Map<String, Double> failuresBefore = retryableFailures();

        // What an operator does (docs/runbooks/lifecycle-worker.md): stop the consumer, rewind the group, start it.
        MessageListenerContainer container = listeners.getListenerContainer(TrackDeletedTopicListener.CONTAINER_ID);
        container.stop();
        try {
            // The group must be empty; the stopped consumer's leave may take a moment to land.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> kafka.rewind(group, Topics.TRACK_DELETED));
        } finally {
            container.start();
        }
        awaitCaughtUp();

        // No error: nothing that went through the first time fails now (a poison record is as poisonous as before).
        assertThat(deadLettersBefore).containsAll(deadLetterOrigins());
        assertThat(retryableFailures()).isEqualTo(failuresBefore);
        // No second effect: nothing deleted again, no bytes freed twice, the restored track keeps its object.
        assertThat(count("track.physical.deletions", "result", "deleted")).isEqualTo(purgesBefore);
        assertThat(count("track.storage.bytes.freed", "source", "purge")).isEqualTo(bytesBefore);
        assertThat(storage.exists(restoredAudio)).isTrue();
        assertThat(purged(restoredTrack)).isEmpty();
        // The purge is answered again, under the same event id, which track-api's inbox drops.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(purged(purgedTrack)).hasSize(2));
        List<TrackPurged> answers = purged(purgedTrack);
        assertThat(answers.get(1).getEventId()).isEqualTo(answers.get(0).getEventId());
        assertThat(answers.get(0).getBytesFreed()).isEqualTo(600);
        assertThat(answers.get(1).getBytesFreed()).isZero();
    }

    /** Until the group's committed offsets reach the end of every partition of track-deleted. */
    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> kafka.groupCaughtUp(group, Topics.TRACK_DELETED));
    }

    private Set<String> deadLetterOrigins() {
        return kafka.records(Topics.deadLetter(Topics.TRACK_DELETED)).stream().map(ReceivedRecord::origin)
                .collect(Collectors.toSet());
    }

    private Map<String, Double> retryableFailures() {
        return RETRYABLE_FAILURES.stream().collect(Collectors.toMap(Function.identity(),
                reason -> count("track.physical.deletion.failures", "reason", reason)));
    }
}
