package io.novatune.trackapi.timer;

import io.novatune.events.ArchiveDue;
import io.novatune.events.ArchiveFailed;
import io.novatune.events.ArchivedAsset;
import io.novatune.events.AssetKind;
import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TimerFlowIntegrationTest;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addProviderTrack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class ArchiveFlowTest extends TimerFlowIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    TopicRecorder archiveDue;

    @BeforeEach
    void listen() {
        archiveDue = new TopicRecorder(TrackApiIntegrationTest.kafka(), Topics.ARCHIVE_DUE);
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        archiveDue.close();
    }

    @Test
    void a_provider_track_is_due_for_archiving_after_its_delay_and_TrackArchived_records_our_copies_once() {
        String user = "user-archive-" + UUID.randomUUID();
        Instant expiresAt = Instant.now().plus(15, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String id = addProviderTrack(http, user, "Generated Flow", expiresAt);

        // Here the archive delay is one second.
        ArchiveDue due = awaitArchiveDue(id, 1).get(0);
        assertThat(due.getAttempt()).isEqualTo(1);
        assertThat(due.getUserId()).isEqualTo(user);
        assertThat(due.getProviderName()).isEqualTo("suno");
        assertThat(due.getAudioUrl()).isEqualTo("https://cdn.provider.test/Generated-Flow.mp3");
        assertThat(due.getCoverUrl()).isEqualTo("https://cdn.provider.test/Generated-Flow.jpg");
        assertThat(due.getProviderExpiresAt()).isEqualTo(expiresAt);
        // Leased for an hour: not sent again on the next sweeps while the archiver works.
        assertThat(column(id, "archive_due_at", Instant.class)).isCloseTo(Instant.now().plus(1, ChronoUnit.HOURS),
                within(Duration.ofMinutes(1)));

        TrackArchived archived = TrackArchived.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setTrackId(id)
                .setUserId(user)
                .setAssets(List.of(
                        asset(AssetKind.AUDIO, "tracks-audio/" + user + "/" + id + ".mp3", "audio/mpeg"),
                        asset(AssetKind.COVER, "tracks-covers/" + user + "/" + id + ".jpg", "image/jpeg")))
                .build();
        kafka.publishTo(Topics.ARCHIVE_RESULTS, null, id, archived);

        await().atMost(Duration.ofSeconds(60)).until(() -> column(id, "archived_at", Instant.class) != null);
        assertThat(column(id, "archived_audio_key", String.class)).isEqualTo("tracks-audio/" + user + "/" + id + ".mp3");
        assertThat(column(id, "archived_cover_key", String.class)).isEqualTo("tracks-covers/" + user + "/" + id + ".jpg");
        assertThat(column(id, "archived_video_key", String.class)).isNull();
        assertThat(column(id, "archived_at", Instant.class)).isEqualTo(archived.getOccurredAt());
        Map<?, ?> track = http.get().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(Instant.parse((String) track.get("archivedAt"))).isEqualTo(archived.getOccurredAt());
        // Archived: asking again is a conflict, and the timer is done with it.
        http.post().uri("/api/v1/tracks/{id}/archive", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(column(id, "archive_due_at", Instant.class)).isNull();
    }

    @Test
    void a_retryable_ArchiveFailed_re_arms_the_timer_with_back_off_and_a_final_one_stops_it_with_the_reason() {
        String user = "user-archive-" + UUID.randomUUID();
        String id = addProviderTrack(http, user, "Flaky Provider", Instant.now().plus(15, ChronoUnit.DAYS));
        assertThat(awaitArchiveDue(id, 1).get(0).getAttempt()).isEqualTo(1);

        ArchiveFailed retryable = failed(id, user, 1, "provider answered 503", true);
        kafka.publishTo(Topics.ARCHIVE_RESULTS, null, id, retryable);

        // Back-off here is one second × the attempts so far.
        assertThat(awaitArchiveDue(id, 2).get(1).getAttempt()).isEqualTo(2);
        assertThat(column(id, "last_archive_error", String.class)).isEqualTo("provider answered 503");
        assertThat(column(id, "archive_attempts", Integer.class)).isEqualTo(2);

        assertThat(column(id, "archive_due_at", Instant.class)).isCloseTo(Instant.now().plus(1, ChronoUnit.HOURS),
                within(Duration.ofMinutes(1)));

        // The same failure delivered again would re-arm the timer to seconds from now; it has no second effect.
        kafka.publishTo(Topics.ARCHIVE_RESULTS, null, id, retryable);
        ArchiveFailed marker = failed("no-such-track", user, 1, "marker", true);
        kafka.publishTo(Topics.ARCHIVE_RESULTS, null, id, marker);
        await().atMost(Duration.ofSeconds(60)).until(() -> processed(db, marker.getEventId()));
        assertThat(column(id, "archive_due_at", Instant.class)).isCloseTo(Instant.now().plus(1, ChronoUnit.HOURS),
                within(Duration.ofMinutes(1)));

        ArchiveFailed fatal = failed(id, user, 2, "provider says the asset is gone (404)", false);
        kafka.publishTo(Topics.ARCHIVE_RESULTS, null, id, fatal);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "provider says the asset is gone (404)".equals(column(id, "last_archive_error", String.class)));
        assertThat(column(id, "archive_due_at", Instant.class)).isNull();
        assertThat(column(id, "archived_at", Instant.class)).isNull();
        assertThat(column(id, "archive_attempts", Integer.class)).isEqualTo(2);
    }

    private static ArchivedAsset asset(AssetKind kind, String key, String contentType) {
        return ArchivedAsset.newBuilder().setKind(kind).setObjectKey(key).setSizeBytes(1024).setContentType(contentType)
                .setSha256("0".repeat(64)).build();
    }

    private static ArchiveFailed failed(String id, String user, int attempt, String reason, boolean retryable) {
        return ArchiveFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(id)
                .setUserId(user)
                .setAttempt(attempt)
                .setReason(reason)
                .setRetryable(retryable)
                .build();
    }

    private <T> T column(String id, String column, Class<T> type) {
        return db.sql("SELECT " + column + " AS value FROM tracks WHERE id = :id").bind("id", id)
                .map(row -> java.util.Optional.ofNullable(row.get("value", type))).one().block().orElse(null);
    }

    private List<ArchiveDue> awaitArchiveDue(String trackId, int count) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> archiveDue.records().stream().filter(r -> trackId.equals(r.key()))
                        .map(r -> (ArchiveDue) r.value()).toList(), events -> events.size() >= count);
    }
}
