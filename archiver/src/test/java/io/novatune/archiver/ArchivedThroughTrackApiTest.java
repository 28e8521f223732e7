package io.novatune.archiver;

import io.novatune.archiver.archiving.ArchiveDueListener;
import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
import io.novatune.testsupport.trackapi.TrackApiJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import io.novatune.testsupport.storage.TestStorage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import static io.novatune.archiver.TestEvents.newId;
import static io.novatune.infra.standin.ProviderStandIn.file;
import static io.novatune.infra.standin.ProviderStandIn.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end through the real track-api (child JVM, its own database): a provider track added over HTTP, its
 * shortened archive timer, the relay to archive-due, this archiver, archive-results back to track-api, and playback
 * redirected to our copies (which track-api streams from S3). Then an operator's replay of archive-due from offset 0 for the archiver's group.
 */
class ArchivedThroughTrackApiTest extends ArchiverIntegrationTest {

    private static final String GROUP = "archiver";
    private static final long AUDIO_BYTES = 6L * 1024 * 1024 + 777; // two parts of the tests' 5 MiB
    private static final long COVER_BYTES = 40_000;

    private static TrackApiJar trackApi;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    static void startTrackApi() {
        trackApi = TrackApiJar.start(TrackApiJar.Settings.of("tracks_archiver_it", TestStorage.BUCKET,
                        "archiver-it-secret-archiver-it-secret-0123456789")
                // Due two seconds after the add, swept every 300 ms: the timer of production, shortened.
                .with("NOVATUNE_TRACKS_ARCHIVE_DELAY", "2s")
                .with("NOVATUNE_TIMERS_INTERVAL", "300ms")
                .with("NOVATUNE_ARCHIVE_PROVIDER_HOSTS_" + PROVIDER.toUpperCase() + "_0", "127.0.0.1")
                .with("NOVATUNE_ARCHIVE_PROVIDER_ALLOWED_NETWORKS_0", "127.0.0.1/32"));
    }

    @AfterAll
    static void stopTrackApi() {
        if (trackApi != null) {
            trackApi.close();
        }
    }

    @Test
    void a_provider_track_is_archived_on_its_timer_played_from_our_copies_and_a_replay_from_offset_zero_changes_nothing()
            throws Exception {
        String user = newId("user");
        String path = "/" + newId("e2e");
        provider.on(path + "/audio", file("audio/mpeg", AUDIO_BYTES, 31)).on(path + "/cover", file("image/png", COVER_BYTES, 32));
        Instant expiresAt = Instant.now().plus(Duration.ofHours(6)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(statistics().path("totalArchived").asLong()).isZero();

        HttpResponse<String> created = trackApi.post("/api/v1/tracks", user, """
                {"title": "Night Drive", "artist": "Generated",
                 "provider": {"name": "%s", "audioUrl": "%s", "coverUrl": "%s", "expiresAt": "%s"}}
                """.formatted(PROVIDER, provider.link(path + "/audio"), provider.link(path + "/cover"), expiresAt));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String track = json.readTree(created.body()).path("id").asText();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/api/v1/tracks/" + track, user).path("archive").path("status").asText()).isEqualTo("ARCHIVED"));
        JsonNode archived = get("/api/v1/tracks/" + track, user);

        assertThat(sha256Behind(redirect("/api/v1/tracks/" + track + "/stream", user))).isEqualTo(sha256(AUDIO_BYTES, 31));
        assertThat(sha256Behind(redirect("/api/v1/tracks/" + track + "/cover", user))).isEqualTo(sha256(COVER_BYTES, 32));
        JsonNode statistics = statistics();
        assertThat(statistics.path("totalArchived").asLong()).isEqualTo(1);
        assertThat(statistics.path("failureRate").asDouble()).isZero();
        assertThat(statistics.path("averageLeadTime").asText()).startsWith("PT");
        TrackArchived result = archived(track).get(0);
        List<String> copiesBefore = versions(result);

        replayArchiveDueFromOffsetZero();

        await().atMost(Duration.ofSeconds(60)).until(() -> archived(track).size() == 2);
        TrackArchived replayed = archived(track).get(1);
        assertThat(replayed.getEventId()).isEqualTo(result.getEventId());
        assertThat(replayed.getAssets()).isEqualTo(result.getAssets());
        assertThat(provider.requestsTo(path + "/audio")).isEqualTo(1);
        assertThat(provider.requestsTo(path + "/cover")).isEqualTo(1);
        assertThat(versions(result)).as("the copies were not written again").isEqualTo(copiesBefore);
        // track-api's inbox dropped the repeated result: the track and the statistics are as they were.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("/api/v1/tracks/" + track, user).path("archive")).isEqualTo(archived.path("archive"));
            assertThat(statistics().path("totalArchived").asLong()).isEqualTo(1);
        });
    }

    /** What deploy/scripts/replay does: the group stops, starts archive-due again from offset 0, and resumes. */
    private void replayArchiveDueFromOffsetZero() {
        MessageListenerContainer container = listeners.getListenerContainer(ArchiveDueListener.CONTAINER_ID);
        container.stop();
        try {
            kafka.rewind(GROUP, Topics.ARCHIVE_DUE);
        } finally {
            container.start();
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> kafka.groupCaughtUp(GROUP, Topics.ARCHIVE_DUE));
    }

    /** Each copy's ETag and time of writing. */
    private List<String> versions(TrackArchived result) {
        return result.getAssets().stream().map(asset -> storage.head(asset.getObjectKey()).orElseThrow())
                .map(head -> head.eTag() + " " + head.lastModified()).toList();
    }

    private JsonNode get(String path, String user, String... roles) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(trackApi.uri(path))
                .header("Authorization", "Bearer " + trackApi.token(user, roles)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode statistics() throws IOException, InterruptedException {
        return get("/api/v1/admin/archive/statistics", "operator", "admin");
    }

    /** The 302's target, which must be our copy (track-api's signed playback link, ADR 0021), not the provider. */
    private URI redirect(String path, String user) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(trackApi.uri(path))
                .header("Authorization", "Bearer " + trackApi.token(user)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).as(path).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).as(path + " redirects to our copy").startsWith("/api/v1/playback/");
        return trackApi.uri(location);
    }

    private String sha256Behind(URI location) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream body = new DigestInputStream(response.body(), digest)) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
