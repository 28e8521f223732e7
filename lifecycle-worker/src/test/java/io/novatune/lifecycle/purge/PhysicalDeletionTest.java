package io.novatune.lifecycle.purge;

import io.novatune.events.Topics;
import io.novatune.events.EventHeaders;
import java.util.Map;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackPurged;
import io.novatune.lifecycle.LifecycleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.novatune.lifecycle.TestEvents.newId;
import static io.novatune.lifecycle.TestEvents.purgeDue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class PhysicalDeletionTest extends LifecycleIntegrationTest {

    @Test
    void a_purge_due_deletes_every_object_of_the_track_and_answers_with_the_keys_and_the_bytes_it_freed() {
        String user = newId("user");
        String track = newId("track");
        String audio = "audio/" + user + "/" + track;
        String waveform = audio + ".waveform.json";
        String archivedAudio = "tracks-audio/" + user + "/" + track + ".mp3";
        String cover = "tracks-covers/" + user + "/" + track + ".jpg";
        String neverArchivedVideo = "tracks-videos/" + user + "/" + track + ".mp4";
        String otherTrackOfTheUser = "audio/" + user + "/" + newId("track");
        storage.put(audio, 1000);
        storage.put(waveform, 200);
        storage.put(archivedAudio, 3000);
        storage.put(cover, 400);
        storage.put(otherTrackOfTheUser, 10);
        double purgesBefore = count("track.physical.deletions", "result", "deleted");
        double bytesBefore = count("track.storage.bytes.freed", "source", "purge");
        TrackPurgeDue due = purgeDue(track, user, List.of(audio, waveform, archivedAudio, cover, neverArchivedVideo), 1000);

        kafka.publish(track, due);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(track)).hasSize(1));
        TrackPurged purged = purged(track).get(0);
        assertThat(purged.getPurgeDueEventId()).isEqualTo(due.getEventId());
        assertThat(purged.getUserId()).isEqualTo(user);
        // The missing video counts as deleted: what matters is that none of the track's objects is left.
        assertThat(purged.getDeletedKeys()).containsExactly(audio, waveform, archivedAudio, cover, neverArchivedVideo);
        assertThat(purged.getBytesFreed()).isEqualTo(4600);
        assertThat(List.of(audio, waveform, archivedAudio, cover)).noneMatch(storage::exists);
        assertThat(storage.exists(otherTrackOfTheUser)).isTrue();
        assertThat(count("track.physical.deletions", "result", "deleted")).isEqualTo(purgesBefore + 1);
        assertThat(count("track.storage.bytes.freed", "source", "purge")).isEqualTo(bytesBefore + 4600);
    }

    @Test
    void the_same_purge_due_twice_deletes_nothing_twice_and_answers_again_with_the_same_event_id() {
        String user = newId("user");
        String track = newId("track");
        String audio = "audio/" + user + "/" + track;
        storage.put(audio, 700);
        TrackPurgeDue due = purgeDue(track, user, List.of(audio), 700);
        double purgesBefore = count("track.physical.deletions", "result", "deleted");
        double repeatsBefore = count("track.physical.deletions", "result", "already_gone");
        double bytesBefore = count("track.storage.bytes.freed", "source", "purge");

        kafka.publish(track, due);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(track)).hasSize(1));
        kafka.publish(track, due);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(track)).hasSize(2));

        TrackPurged first = purged(track).get(0);
        TrackPurged again = purged(track).get(1);
        // Same id: track-api's inbox drops the repeat; and the repeat freed nothing.
        assertThat(again.getEventId()).isEqualTo(first.getEventId());
        assertThat(first.getBytesFreed()).isEqualTo(700);
        assertThat(again.getBytesFreed()).isZero();
        assertThat(again.getDeletedKeys()).containsExactly(audio);
        assertThat(count("track.physical.deletions", "result", "deleted")).isEqualTo(purgesBefore + 1);
        assertThat(count("track.physical.deletions", "result", "already_gone")).isEqualTo(repeatsBefore + 1);
        assertThat(count("track.storage.bytes.freed", "source", "purge")).isEqualTo(bytesBefore + 700);
    }

    @Test
    void a_purge_due_naming_an_object_of_another_track_deletes_nothing_and_is_dead_lettered_at_once_with_the_reason() {
        String user = newId("user");
        String track = newId("track");
        String own = "audio/" + user + "/" + track;
        String someoneElses = "audio/" + newId("other-user") + "/" + track;
        String anotherTrack = "audio/" + user + "/" + track + "0";
        storage.put(own, 10);
        storage.put(someoneElses, 10);
        storage.put(anotherTrack, 10);
        double refusalsBefore = count("track.physical.deletion.failures", "reason", "foreign_object_key");

        kafka.publish(track, purgeDue(track, user, List.of(own, someoneElses, anotherTrack), 30));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters(track)).hasSize(1));
        assertThat(deadLetters(track).get(0).header("kafka_dlt-exception-message"))
                .contains("outside the track's own prefixes");
        assertThat(List.of(own, someoneElses, anotherTrack)).allMatch(storage::exists);
        assertThat(purged(track)).isEmpty();
        // At once: one attempt, no retries.
        assertThat(count("track.physical.deletion.failures", "reason", "foreign_object_key")).isEqualTo(refusalsBefore + 1);
    }

    @Test
    void a_user_wide_purge_is_answered_for_every_track_of_the_user() {
        String user = newId("user");
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String track = newId("track");
            tracks.add(track);
            storage.put("audio/" + user + "/" + track, 100);
        }

        // track-api's "delete my account" claims every track of the user at once, each through TrackPurgeDue.
        tracks.forEach(track -> kafka.publish(track, purgeDue(track, user, List.of("audio/" + user + "/" + track), 100)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(tracks).allSatisfy(track -> assertThat(purged(track)).hasSize(1)));
        assertThat(tracks).noneMatch(track -> storage.exists("audio/" + user + "/" + track));
        assertThat(tracks).allSatisfy(track -> assertThat(purged(track).get(0).getBytesFreed()).isEqualTo(100));
    }

    @Test
    void the_answer_continues_the_trace_of_the_purge_and_carries_the_event_headers() {
        String user = newId("user");
        String track = newId("track");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        TrackPurgeDue due = purgeDue(track, user, List.of(), 0);

        kafka.publish(track, due, Map.of(EventHeaders.TRACEPARENT, "00-" + traceId + "-00f067aa0ba902b7-01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.records(Topics.TRACK_PURGED, track)).hasSize(1));
        var record = kafka.records(Topics.TRACK_PURGED, track).get(0);
        assertThat(record.header("traceparent")).startsWith("00-" + traceId + "-");
        assertThat(record.header("event-type")).isEqualTo(TrackPurged.class.getName());
        assertThat(record.header("event-id")).isEqualTo(purged(track).get(0).getEventId());
    }

    @Test
    void a_track_of_a_user_whose_id_holds_a_slash_is_purged_under_its_encoded_keys_including_its_waveform() {
        String user = newId("tenant") + "/alice";
        String track = newId("track");
        String audio = "audio/" + user.replace("/", "%2F") + "/" + track;
        String waveform = "waveforms/" + user.replace("/", "%2F") + "/" + track;
        storage.put(audio, 40);
        storage.put(waveform, 2);

        kafka.publish(track, purgeDue(track, user, List.of(audio, waveform), 42));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(track)).hasSize(1));
        assertThat(purged(track).get(0).getDeletedKeys()).containsExactlyInAnyOrder(audio, waveform);
        assertThat(storage.exists(audio)).isFalse();
        assertThat(storage.exists(waveform)).isFalse();
        assertThat(deadLetters(track)).isEmpty();
    }

    @Test
    void its_log_lines_carry_the_track_and_user_ids_but_never_an_object_key(CapturedOutput output) {
        String user = newId("user");
        String track = newId("track");
        String audio = "audio/" + user + "/" + track;
        storage.put(audio, 10);

        kafka.publish(track, purgeDue(track, user, List.of(audio), 10));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(purged(track)).hasSize(1));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("\"message\":\"track purged\"") && line.contains("\"trackId\":\"" + track + "\""))
                .toList())
                .singleElement().asString()
                .startsWith("{")
                .contains("\"userId\":\"" + user + "\"", "\"bytesFreed\":10", "\"objectsDeleted\":1", "\"traceId\":"));
        assertThat(output.getAll()).doesNotContain(audio);
    }
}
