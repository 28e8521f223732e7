package io.novatune.trackapi.deletion;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurged;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TimerFlowIntegrationTest;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DELETE stays idempotent after the purge: the owner is told ALREADY_DELETED while the tombstone is kept. */
class PurgedTrackDeletionTest extends TimerFlowIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TrackStore tracks;

    @Autowired
    TombstoneRetention tombstones;

    @Test
    void deleting_a_purged_track_again_tells_its_owner_it_is_already_deleted_and_anyone_else_nothing() {
        String user = "user-purge-" + UUID.randomUUID();
        Track track = addUploadedTrack(tracks, db, user, 700);
        // As the API would have counted it (the helper writes the row itself).
        db.sql("INSERT INTO user_track_counts (user_id, tracks) VALUES (:user, 1)").bind("user", user).then().block();
        http.delete().uri("/api/v1/tracks/{id}", track.id())
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"DELETED".equals(status(db, track.id())));
        kafka.publishTo(Topics.TRACK_PURGED, null, track.id(), purged(track));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(db, track.id()) == null);
        assertThat(db.sql("SELECT tracks FROM user_track_counts WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("tracks", Long.class)).one().block()).isZero();

        http.delete().uri("/api/v1/tracks/{id}", track.id())
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.trackId").isEqualTo(track.id())
                .jsonPath("$.status").isEqualTo("ALREADY_DELETED")
                .jsonPath("$.purgedAt").isNotEmpty();
        http.delete().uri("/api/v1/tracks/{id}", track.id())
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("someone-else-" + UUID.randomUUID())))
                .exchange()
                .expectStatus().isNotFound();

        // Once the tombstone is older than the inbox retention, the track is forgotten for its owner too.
        assertThat(tombstones.forgetBefore(Instant.now().plusSeconds(1)).block()).isPositive();
        http.delete().uri("/api/v1/tracks/{id}", track.id())
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isNotFound();
    }

    private static TrackPurged purged(Track track) {
        return TrackPurged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setDeletedKeys(List.of())
                .setBytesFreed(0)
                .build();
    }
}
