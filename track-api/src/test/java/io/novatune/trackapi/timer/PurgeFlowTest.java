package io.novatune.trackapi.timer;

import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.events.Topics;
import io.novatune.events.TrackDeleted;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackPurged;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TimerFlowIntegrationTest;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addUploadedTrack;
import static io.novatune.trackapi.TestTracks.status;
import static io.novatune.trackapi.TestTracks.usedBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PurgeFlowTest extends TimerFlowIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    TrackStore tracks;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @Test
    void a_deleted_track_is_purged_after_its_grace_period_and_its_TrackPurged_removes_the_row_and_frees_the_quota_once()
            throws Exception {
        String user = "user-purge-" + UUID.randomUUID();
        Track kept = addUploadedTrack(tracks, db, user, 1_000);
        Track track = addUploadedTrack(tracks, db, user, 4_000);
        assertThat(usedBytes(db, user)).isEqualTo(5_000);
        double purgedBefore = physicalDeletions();

        try (TopicRecorder trackDeleted = new TopicRecorder(TrackApiIntegrationTest.kafka(), Topics.TRACK_DELETED)) {
            http.delete().uri("/api/v1/tracks/{id}", track.id())
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                    .exchange()
                    .expectStatus().isAccepted();

            // The grace period here is two seconds; the quota still counts the deleted track until it is purged.
            TrackPurgeDue due = (TrackPurgeDue) await().atMost(Duration.ofSeconds(60))
                    .until(() -> eventsOf(trackDeleted, track.id()), events -> events.size() >= 2)
                    .get(1);
            TrackDeleted deleted = (TrackDeleted) eventsOf(trackDeleted, track.id()).get(0);
            assertThat(due.getAttempt()).isEqualTo(1);
            assertThat(due.getUserId()).isEqualTo(user);
            assertThat(due.getObjectKeys()).containsExactlyElementsOf(deleted.getObjectKeys())
                    .containsExactly("audio/" + user + "/" + track.id(), "waveforms/" + user + "/" + track.id());
            assertThat(due.getFileSizeBytes()).isEqualTo(4_000);
            assertThat(Duration.between(deleted.getDeletedAt(), deleted.getScheduledDeletionAt())).isEqualTo(Duration.ofSeconds(2));
            assertThat(status(db, track.id())).isIn("PURGING", "DELETE_FAILED");
            assertThat(usedBytes(db, user)).isEqualTo(5_000);

            TrackPurged purged = purged(track, due.getEventId());
            kafka.publishTo(Topics.TRACK_PURGED, null, track.id(), purged);

            await().atMost(Duration.ofSeconds(60)).until(() -> status(db, track.id()) == null);
            assertThat(usedBytes(db, user)).isEqualTo(1_000);
            await().atMost(Duration.ofSeconds(10)).until(() -> physicalDeletions() == purgedBefore + 1);

            // The same result again (a redelivery or a replay), then a new one behind it on the same partition.
            kafka.publishTo(Topics.TRACK_PURGED, null, track.id(), purged);
            TrackPurged marker = purged(track, due.getEventId());
            kafka.publishTo(Topics.TRACK_PURGED, null, track.id(), marker);
            await().atMost(Duration.ofSeconds(60)).until(() -> processed(db, marker.getEventId()));
            assertThat(usedBytes(db, user)).isEqualTo(1_000);
            assertThat(physicalDeletions()).isEqualTo(purgedBefore + 1);
            assertThat(status(db, kept.id())).isEqualTo("READY");
        }
    }

    @Test
    void a_TrackPurged_for_a_track_that_is_not_being_purged_changes_nothing() {
        String user = "user-purge-" + UUID.randomUUID();
        Track live = addUploadedTrack(tracks, db, user, 2_500);
        TrackPurged stray = purged(live, null);

        kafka.publishTo(Topics.TRACK_PURGED, null, live.id(), stray);

        await().atMost(Duration.ofSeconds(60)).until(() -> processed(db, stray.getEventId()));
        assertThat(status(db, live.id())).isEqualTo("READY");
        assertThat(usedBytes(db, user)).isEqualTo(2_500);
    }

    private static TrackPurged purged(Track track, String purgeDueEventId) {
        return TrackPurged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setPurgeDueEventId(purgeDueEventId)
                .setDeletedKeys(track.objectKeys())
                .setBytesFreed(track.fileSizeBytes())
                .build();
    }

    private static List<Object> eventsOf(TopicRecorder topic, String trackId) {
        return topic.records().stream().filter(r -> trackId.equals(r.key())).map(r -> (Object) r.value()).toList();
    }

    private double physicalDeletions() {
        return meters.get("track.physical.deletions").counter().count();
    }
}
