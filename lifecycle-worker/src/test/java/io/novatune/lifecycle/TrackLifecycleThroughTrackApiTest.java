package io.novatune.lifecycle;

import org.apache.avro.specific.SpecificRecord;
import io.novatune.events.Topics;
import tools.jackson.databind.JsonNode;
import io.novatune.events.TrackPurgeDue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.time.Instant;

import static io.novatune.lifecycle.TestEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole deletion lifecycle across services: track-api (a child process: uploads, soft delete, restore, the
 * purge timer, the consumer of {@code TrackPurged}) and this worker, over the real Kafka, PostgreSQL and S3Proxy,
 * with a grace period of seconds.
 */
class TrackLifecycleThroughTrackApiTest extends LifecycleIntegrationTest {

    private static final int AUDIO_BYTES = 64 * 1024;

    private final RestClient trackApi = RestClient.builder().baseUrl(TrackApiChild.baseUrl().toString())
            // Answers are checked by status here, not thrown.
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
            .build();

    @BeforeAll
    static void startTrackApi() {
        TrackApiChild.ensureStarted();
    }

    @Test
    void an_uploaded_track_deleted_and_left_past_its_grace_period_is_gone_from_storage_and_library_and_its_quota_is_back() {
        String user = newId("user");
        String track = TrackApiChild.upload(user, AUDIO_BYTES);
        String audio = "audio/" + user + "/" + track;
        assertThat(storage.exists(audio)).isTrue();
        assertThat(quota(user).get("usedBytes").asLong()).isEqualTo(AUDIO_BYTES);
        double purgesBefore = count("track.physical.deletions", "result", "deleted");

        JsonNode deletion = trackApi.delete().uri("/api/v1/tracks/{id}", track)
                .headers(headers -> headers.setBearerAuth(TrackApiChild.token(user)))
                .retrieve().toEntity(JsonNode.class).getBody();
        assertThat(deletion.get("status").asText()).isEqualTo("DELETED");

        await().atMost(TrackApiChild.DELETION_GRACE_PERIOD.plusSeconds(60)).untilAsserted(() ->
                assertThat(trackApi.get().uri("/api/v1/tracks/{id}", track)
                        .headers(headers -> headers.setBearerAuth(TrackApiChild.token(user)))
                        .retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        assertThat(storage.exists(audio)).isFalse();
        assertThat(quota(user).get("usedBytes").asLong()).isZero();
        assertThat(quota(user).get("trackCount").asLong()).isZero();
        assertThat(purged(track)).singleElement()
                .satisfies(purged -> assertThat(purged.getBytesFreed()).isEqualTo(AUDIO_BYTES));
        assertThat(count("track.physical.deletions", "result", "deleted")).isEqualTo(purgesBefore + 1);
        assertThat(trackApi.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .containsPattern("(?m)^track_physical_deletions_total(\\{[^}]*})? [1-9]");
    }

    @Test
    void a_track_restored_just_before_its_deadline_keeps_every_object() {
        String user = newId("user");
        String track = TrackApiChild.upload(user, AUDIO_BYTES);
        String audio = "audio/" + user + "/" + track;
        JsonNode deletion = trackApi.delete().uri("/api/v1/tracks/{id}", track)
                .headers(headers -> headers.setBearerAuth(TrackApiChild.token(user)))
                .retrieve().toEntity(JsonNode.class).getBody();
        Instant deadline = Instant.parse(deletion.get("scheduledDeletionAt").asText());

        await().atMost(TrackApiChild.DELETION_GRACE_PERIOD).until(() -> Instant.now().isAfter(deadline.minusSeconds(2)));
        HttpStatusCode restore = trackApi.post().uri("/api/v1/tracks/{id}/restore", track)
                .headers(headers -> headers.setBearerAuth(TrackApiChild.token(user)))
                .retrieve().toBodilessEntity().getStatusCode();

        assertThat(restore).isEqualTo(HttpStatus.OK);
        // Long past the deadline and many purge-timer rounds later, nothing was purged.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(deadline)
                && storage.exists(audio) && purged(track).isEmpty()
                && kafka.events(Topics.TRACK_DELETED, track, SpecificRecord.class).stream().noneMatch(TrackPurgeDue.class::isInstance));
        JsonNode restored = trackApi.get().uri("/api/v1/tracks/{id}", track)
                .headers(headers -> headers.setBearerAuth(TrackApiChild.token(user)))
                .retrieve().body(JsonNode.class);
        assertThat(restored.get("status").asText()).isEqualTo("READY");
        assertThat(quota(user).get("usedBytes").asLong()).isEqualTo(AUDIO_BYTES);
    }

    @Test
    void an_admins_user_wide_purge_deletes_every_track_of_the_user_at_once_through_the_same_path() {
        String user = newId("user");
        String kept = TrackApiChild.upload(user, AUDIO_BYTES);
        String deleted = TrackApiChild.upload(user, AUDIO_BYTES);
        trackApi.delete().uri("/api/v1/tracks/{id}", deleted)
                .headers(headers -> headers.setBearerAuth(TrackApiChild.token(user)))
                .retrieve().toBodilessEntity();

        JsonNode purge = trackApi.post().uri("/api/v1/admin/users/{userId}/purge", user)
                .headers(headers -> headers.setBearerAuth(TrackApiChild.token("operator", "admin")))
                .retrieve().body(JsonNode.class);

        assertThat(purge.get("tracksPurging").asLong()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(quota(user).get("trackCount").asLong()).isZero());
        assertThat(storage.exists("audio/" + user + "/" + kept)).isFalse();
        assertThat(storage.exists("audio/" + user + "/" + deleted)).isFalse();
        assertThat(quota(user).get("usedBytes").asLong()).isZero();
        assertThat(purged(kept)).hasSize(1);
        assertThat(purged(deleted)).hasSize(1);
    }

    private JsonNode quota(String user) {
        return trackApi.get().uri("/api/v1/me/quota")
                .headers(headers -> headers.setBearerAuth(TrackApiChild.token(user)))
                .retrieve().body(JsonNode.class);
    }
}
