package io.novatune.trackapi.deletion;

import io.novatune.events.Topics;
import io.novatune.events.TrackDeleted;
import io.novatune.events.TrackRestored;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.track.TrackStore;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.addUploadedTrack;
import static io.novatune.trackapi.TestTracks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class SoftDeleteAndRestoreTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    TrackStore tracks;

    @Autowired
    DatabaseClient db;

    TopicRecorder trackDeleted;

    @BeforeEach
    void listen() {
        trackDeleted = new TopicRecorder(kafka(), Topics.TRACK_DELETED);
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        trackDeleted.close();
    }

    @Test
    void deleting_a_track_answers_202_with_its_deadline_and_publishes_TrackDeleted_with_everything_the_lifecycle_worker_needs() {
        var track = addUploadedTrack(tracks, db, "user-del-1", 4_321);
        Instant before = Instant.now();

        Map<?, ?> body = delete("user-del-1", track.id()).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(body.get("trackId")).isEqualTo(track.id());
        assertThat(body.get("status")).isEqualTo("DELETED");
        Instant deletedAt = Instant.parse((String) body.get("deletedAt"));
        Instant scheduledDeletionAt = Instant.parse((String) body.get("scheduledDeletionAt"));
        assertThat(deletedAt).isCloseTo(before, within(Duration.ofSeconds(10)));
        assertThat(Duration.between(deletedAt, scheduledDeletionAt)).isEqualTo(Duration.ofDays(30));
        assertThat(status(db, track.id())).isEqualTo("DELETED");
        // Hidden at once: reading it answers 410 with the restore deadline.
        get("user-del-1", track.id()).expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-deleted")
                .jsonPath("$.restoreUntil").isEqualTo(body.get("scheduledDeletionAt"));

        TrackDeleted event = (TrackDeleted) awaitEvents(track.id(), 1).get(0).value();
        assertThat(event.getUserId()).isEqualTo("user-del-1");
        assertThat(event.getDeletedAt()).isEqualTo(deletedAt);
        assertThat(event.getScheduledDeletionAt()).isEqualTo(scheduledDeletionAt);
        assertThat(event.getStatusBeforeDeletion()).isEqualTo("READY");
        assertThat(event.getObjectKeys()).containsExactly("audio/user-del-1/" + track.id(), "waveforms/user-del-1/" + track.id());
        assertThat(event.getFileSizeBytes()).isEqualTo(4_321);
    }

    @Test
    void deleting_a_deleted_track_again_answers_the_same_202_and_publishes_nothing_new() {
        String id = addCatalogTrack(http, "user-del-2", "Twice Deleted");
        Map<?, ?> first = delete("user-del-2", id).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        Map<?, ?> second = delete("user-del-2", id).expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(second).isEqualTo(first);
        // The restore's event shares the partition: whatever the second DELETE published would arrive before it.
        restore("user-del-2", id).expectStatus().isOk();
        List<ConsumerRecord<String, SpecificRecord>> events = awaitEvents(id, 2);
        assertThat(events).extracting(r -> r.value().getSchema().getName()).containsExactly("TrackDeleted", "TrackRestored");
    }

    @Test
    void restoring_a_deleted_track_brings_back_its_status_before_deletion_and_publishes_TrackRestored() {
        String id = addCatalogTrack(http, "user-del-3", "Back Again");
        delete("user-del-3", id).expectStatus().isAccepted();

        Map<?, ?> restored = restore("user-del-3", id).expectStatus().isOk()
                .expectHeader().exists("ETag")
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(restored.get("id")).isEqualTo(id);
        assertThat(restored.get("status")).isEqualTo("READY");
        assertThat(restored.containsKey("deletedAt") || restored.containsKey("restoreUntil")).isFalse();
        get("user-del-3", id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("READY");
        TrackRestored event = (TrackRestored) awaitEvents(id, 2).get(1).value();
        assertThat(event.getRestoredStatus()).isEqualTo("READY");
        assertThat(event.getUserId()).isEqualTo("user-del-3");
        // A restored track can be deleted again, with a new grace period.
        delete("user-del-3", id).expectStatus().isAccepted();
        assertThat(awaitEvents(id, 3).get(2).value()).isInstanceOf(TrackDeleted.class);
    }

    @Test
    void restoring_a_track_that_is_not_deleted_answers_409_problem() {
        String id = addCatalogTrack(http, "user-del-4", "Never Deleted");

        restore("user-del-4", id).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-not-deleted")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.instance").isEqualTo("/api/v1/tracks/" + id + "/restore");
    }

    @Test
    void restoring_after_the_grace_period_answers_410_problem_and_changes_nothing() {
        String id = addCatalogTrack(http, "user-del-5", "Too Late");
        delete("user-del-5", id).expectStatus().isAccepted();
        db.sql("UPDATE tracks SET scheduled_deletion_at = now() - interval '1 second' WHERE id = :id").bind("id", id)
                .then().block();

        restore("user-del-5", id).expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/restore-period-over")
                .jsonPath("$.restoreUntil").exists();
        // Still deleted, or already claimed by the purge timer: never restored.
        assertThat(status(db, id)).isIn("DELETED", "PURGING");
    }

    @Test
    void another_users_track_and_an_unknown_id_answer_404_to_delete_and_restore_and_stay_untouched() {
        String id = addCatalogTrack(http, "user-del-owner", "Not Yours");

        delete("user-del-intruder", id).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-not-found");
        assertThat(status(db, id)).isEqualTo("READY");

        delete("user-del-owner", id).expectStatus().isAccepted();
        restore("user-del-intruder", id).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-not-found");
        assertThat(status(db, id)).isEqualTo("DELETED");

        delete("user-del-owner", "01JUNKNOWN0000000000000000").expectStatus().isNotFound();
        restore("user-del-owner", "01JUNKNOWN0000000000000000").expectStatus().isNotFound();
    }

    @Test
    void delete_and_restore_without_a_token_answer_401_problem() {
        http.delete().uri("/api/v1/tracks/{id}", "01JUNKNOWN0000000000000000").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/tracks/{id}/restore", "01JUNKNOWN0000000000000000").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec delete(String userId, String trackId) {
        return http.delete().uri("/api/v1/tracks/{id}", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId)))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String userId, String trackId) {
        return http.get().uri("/api/v1/tracks/{id}", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId)))
                .exchange();
    }

    private WebTestClient.ResponseSpec restore(String userId, String trackId) {
        return http.post().uri("/api/v1/tracks/{id}/restore", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId)))
                .exchange();
    }

    private List<ConsumerRecord<String, SpecificRecord>> awaitEvents(String trackId, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> trackDeleted.records().stream().filter(r -> trackId.equals(r.key())).toList(),
                        events -> events.size() >= count);
    }
}
