package io.novatune.discovery.jobs;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import io.novatune.infra.standin.MusicDatabaseStandIn.Service;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spotify and Beatport enabled (their own context, database and stand-in, so the shared ones stay as production's). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class OptionalDatabasesTest {

    private static final MusicDatabaseStandIn STAND_IN = MusicDatabaseStandIn.start().withRecordedCatalog();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        DiscoveryIntegrationTest.database(registry, "discovery_optional_databases");
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaProbe.shared().bootstrapServers());
        registry.add("novatune.security.jwt.secret", () -> DiscoveryIntegrationTest.JWT_SECRET);
        registry.add("novatune.discovery.musicbrainz.base-url", () -> STAND_IN.musicBrainzUrl().toString());
        registry.add("novatune.discovery.discogs.base-url", () -> STAND_IN.discogsUrl().toString());
        registry.add("novatune.discovery.discogs.token", () -> MusicDatabaseStandIn.DISCOGS_TOKEN);
        registry.add("novatune.discovery.spotify.enabled", () -> "true");
        registry.add("novatune.discovery.spotify.base-url", () -> STAND_IN.spotifyUrl().toString());
        registry.add("novatune.discovery.spotify.token-url", () -> STAND_IN.spotifyTokenUrl().toString());
        registry.add("novatune.discovery.spotify.client-id", () -> "novatune-test-client");
        registry.add("novatune.discovery.spotify.client-secret", () -> "novatune-test-secret");
        registry.add("novatune.discovery.beatport.enabled", () -> "true");
        registry.add("novatune.discovery.beatport.base-url", () -> STAND_IN.beatportUrl().toString());
        registry.add("novatune.discovery.beatport.token", () -> "novatune-test-beatport-token");
    }

    @AfterAll
    static void stop() {
        STAND_IN.close();
    }

    @Autowired
    WebTestClient http;

    private final String user = "user-" + UUID.randomUUID();

    @Test
    void spotify_and_beatport_candidates_are_scored_and_their_bpm_and_key_written_to_the_catalog() {
        String tracklist = tracklist("""
                1. Bicep - Glue
                2. Kiasmos - Looped
                3. Hot Chip - Flutes (Sasha Remix) [Domino]
                """);

        JsonNode job = awaitCompleted(jobOf(tracklist));

        assertThat(job.at("/identified").asInt()).isEqualTo(3);
        // MusicBrainz made the match; Spotify's audio features gave tempo and key.
        assertThat(job.at("/results/0/sources").valueStream().map(JsonNode::asString)).containsExactly("musicbrainz", "spotify");
        JsonNode glue = catalogTrack(job.at("/results/0/catalogTrackId").asString());
        assertThat(glue.at("/bpm").asDouble()).isEqualTo(130.0);
        assertThat(glue.at("/musicalKey").asString()).isEqualTo("F minor");
        assertThat(glue.at("/externalIds/musicbrainz").asString()).isNotBlank();
        // Known to Spotify alone: its candidate is scored and wins.
        assertThat(job.at("/results/1/confidence").asString()).isEqualTo("STRONG");
        assertThat(job.at("/results/1/sources").valueStream().map(JsonNode::asString)).containsExactly("spotify");
        JsonNode looped = catalogTrack(job.at("/results/1/catalogTrackId").asString());
        assertThat(looped.at("/bpm").asDouble()).isEqualTo(124.0);
        assertThat(looped.at("/musicalKey").asString()).isEqualTo("A minor");
        // Spotify does not know this remix; Beatport does, with its mix name, bpm and key.
        assertThat(job.at("/results/2/sources").valueStream().map(JsonNode::asString)).containsExactly("musicbrainz", "beatport");
        JsonNode flutes = catalogTrack(job.at("/results/2/catalogTrackId").asString());
        assertThat(flutes.at("/bpm").asDouble()).isEqualTo(122.0);
        assertThat(flutes.at("/musicalKey").asString()).isEqualTo("A minor");

        // The client-credentials token is requested once and reused until it expires.
        assertThat(STAND_IN.spotifyTokensIssued()).isEqualTo(1);
        assertThat(STAND_IN.requests(Service.SPOTIFY)).anyMatch(request -> request.path().startsWith("/v1/audio-features/"));
        assertThat(STAND_IN.requests(Service.BEATPORT)).allMatch(request -> "tracks".equals(request.query().get("type")));
        STAND_IN.assertNoRateLimitBreach();
    }

    private String tracklist(String content) {
        return http.post().uri("/api/v1/tracklists").headers(h -> h.setBearerAuth(DiscoveryIntegrationTest.tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Mix " + UUID.randomUUID(), "format", "TEXT", "content", content))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/id").asString();
    }

    private String jobOf(String tracklist) {
        return http.post().uri("/api/v1/tracklists/" + tracklist + "/discover-tracks")
                .headers(h -> h.setBearerAuth(DiscoveryIntegrationTest.tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("processAll", true)).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody().at("/jobId").asString();
    }

    private JsonNode awaitCompleted(String job) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            last.set(http.get().uri("/api/v1/discovery/jobs/" + job)
                    .headers(h -> h.setBearerAuth(DiscoveryIntegrationTest.tokenFor(user)))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody());
            assertThat(last.get().at("/status").asString()).isEqualTo("COMPLETED");
        });
        return last.get();
    }

    private JsonNode catalogTrack(String id) {
        return http.get().uri("/api/v1/catalog/tracks/" + id).headers(h -> h.setBearerAuth(DiscoveryIntegrationTest.tokenFor(user)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
