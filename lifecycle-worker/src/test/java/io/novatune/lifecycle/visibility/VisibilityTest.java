package io.novatune.lifecycle.visibility;

import io.novatune.lifecycle.LifecycleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.List;

import static io.novatune.lifecycle.TestEvents.deleted;
import static io.novatune.lifecycle.TestEvents.newId;
import static io.novatune.lifecycle.TestEvents.restored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class VisibilityTest extends LifecycleIntegrationTest {

    @Test
    void a_soft_deleted_and_then_restored_track_is_counted_and_logged_and_keeps_every_object(CapturedOutput output) {
        String user = newId("user");
        String track = newId("track");
        String audio = "audio/" + user + "/" + track;
        storage.put(audio, 10);
        double hiddenBefore = count("track.visibility.changes", "change", "hidden");
        double restoredBefore = count("track.visibility.changes", "change", "restored");

        kafka.publish(track, deleted(track, user, List.of(audio), 10));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("track.visibility.changes", "change", "hidden") > hiddenBefore);
        // Soft deletion is restorable: only TrackPurgeDue ever deletes.
        assertThat(storage.exists(audio)).isTrue();

        kafka.publish(track, restored(track, user));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("track.visibility.changes", "change", "restored") > restoredBefore);

        assertThat(storage.exists(audio)).isTrue();
        assertThat(purged(track)).isEmpty();
        // The line follows the counter on the listener thread.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("\"trackId\":\"" + track + "\"")).toList())
                .anySatisfy(line -> assertThat(line).contains("track hidden", "\"userId\":\"" + user + "\"",
                        "\"scheduledDeletionAt\":", "\"statusBeforeDeletion\":\"READY\""))
                .anySatisfy(line -> assertThat(line).contains("track restored", "\"userId\":\"" + user + "\"",
                        "\"restoredStatus\":\"READY\"")));
        assertThat(output.getAll()).doesNotContain(audio);
    }
}
