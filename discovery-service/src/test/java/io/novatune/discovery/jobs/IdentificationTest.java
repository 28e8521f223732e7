package io.novatune.discovery.jobs;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.lookup.MusicDatabase;
import io.novatune.events.Topics;
import io.novatune.events.TracksDiscovered;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import io.novatune.infra.standin.MusicDatabaseStandIn.Service;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdentificationTest extends DiscoveryIntegrationTest {

    @Autowired
    ApplicationContext beans;

    private final String user = "user-" + UUID.randomUUID();

    @Test
    void a_tracklist_is_identified_entry_by_entry_and_tracks_discovered_is_published_when_the_job_ends() {
        String tracklist = tracklist(user, """
                1. Bicep - Glue
                2. Hot Chip - Flutes (Sasha Remix) [Domino]
                3. ID - ID
                4. Ross From Friends - Talk To Me You'll Understand
                5. Nobody Knows - Nothing Recorded Anywhere
                """);

        JsonNode started = discover(user, tracklist, Map.of("processAll", true)).expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/discovery/jobs/[0-9A-Z]{26}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(started.at("/total").asInt()).isEqualTo(5);
        JsonNode job = awaitCompleted(user, started.at("/jobId").asString());

        assertThat(job.at("/done").asInt()).isEqualTo(5);
        assertThat(job.at("/identified").asInt()).isEqualTo(3);
        assertThat(job.at("/failed").asInt()).isEqualTo(2);
        assertThat(job.at("/results/0/confidence").asString()).isEqualTo("STRONG");
        assertThat(job.at("/results/0/method").asString()).isEqualTo("api");
        assertThat(job.at("/results/0/sources/0").asString()).isEqualTo("musicbrainz");
        assertThat(job.at("/results/2/reason").asString()).contains("unknown");
        assertThat(job.at("/results/3/sources/0").asString()).isEqualTo("discogs");
        assertThat(job.at("/results/4/state").asString()).isEqualTo("FAILED");

        JsonNode remix = catalogTrack(user, job.at("/results/1/catalogTrackId").asString());
        assertThat(remix.at("/version").asString()).isEqualTo("Sasha remix");
        assertThat(remix.at("/label").asString()).isEqualTo("Domino");
        assertThat(remix.at("/externalIds/musicbrainz").asString()).isNotBlank();
        assertThat(remix.at("/discoveries/0/method").asString()).isEqualTo("api");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(KafkaProbe.shared().events(Topics.TRACKS_DISCOVERED, tracklist, TracksDiscovered.class)).hasSize(1));
        TracksDiscovered event = KafkaProbe.shared().events(Topics.TRACKS_DISCOVERED, tracklist, TracksDiscovered.class).get(0);
        assertThat(event.getJobId()).isEqualTo(started.at("/jobId").asString());
        assertThat(event.getUserId()).isEqualTo(user);
        assertThat(event.getIdentified()).isEqualTo(3);
        assertThat(event.getTracks()).extracting(track -> track.getTitle()).containsExactly("Glue", "Flutes", "Talk To Me You'll Understand");
    }

    @Test
    void an_entry_already_in_the_users_catalog_is_identified_locally_without_asking_the_databases() {
        String first = tracklist(user, "1. Four Tet - Angel Echoes\n");
        awaitCompleted(user, jobOf(discover(user, first, Map.of("processAll", true))));
        int asked = MUSIC_DATABASES.requests(Service.MUSICBRAINZ).size();

        String second = tracklist(user, "1. four tet - angel echoes (Original Mix)\n");
        JsonNode job = awaitCompleted(user, jobOf(discover(user, second, Map.of("positions", List.of(1)))));

        assertThat(job.at("/results/0/method").asString()).isEqualTo("local");
        assertThat(job.at("/results/0/confidence").asString()).isEqualTo("STRONG");
        assertThat(MUSIC_DATABASES.requests(Service.MUSICBRAINZ)).hasSize(asked);
    }

    @Test
    void spotify_and_beatport_are_off_by_default_and_never_asked() {
        String tracklist = tracklist(user, "1. Bicep - Glue\n2. Kiasmos - Looped\n");

        JsonNode job = awaitCompleted(user, jobOf(discover(user, tracklist, Map.of("processAll", true))));

        assertThat(job.at("/results/0/sources").valueStream().map(JsonNode::asString)).containsExactly("musicbrainz");
        assertThat(job.at("/results/1/state").asString()).isEqualTo("FAILED");
        assertThat(catalogTrack(user, job.at("/results/0/catalogTrackId").asString()).has("bpm")).isFalse();
        assertThat(beans.getBeanNamesForType(MusicDatabase.class)).containsExactlyInAnyOrder("musicBrainzClient", "discogsClient");
        assertThat(MUSIC_DATABASES.requests(Service.SPOTIFY)).isEmpty();
        assertThat(MUSIC_DATABASES.requests(Service.BEATPORT)).isEmpty();
    }

    @Test
    void identical_entries_of_a_job_are_asked_for_once() {
        String tracklist = tracklist(user, "1. Burial - Near Dark\n2. Burial - Near Dark\n3. BURIAL - NEAR DARK\n");

        awaitCompleted(user, jobOf(discover(user, tracklist, Map.of("processAll", true))));

        assertThat(MUSIC_DATABASES.requests(Service.MUSICBRAINZ)).filteredOn(request ->
                request.query().get("query").toLowerCase().contains("near dark")).hasSize(2);
    }

    @Test
    void a_503_with_retry_after_is_waited_out_and_the_entry_still_identified() {
        String tracklist = tracklist(user, "1. Aphex Twin - Xtal\n");
        MUSIC_DATABASES.failNext(Service.MUSICBRAINZ, 1, MusicDatabaseStandIn.Fault.unavailable(Duration.ofSeconds(2)));

        JsonNode job = awaitCompleted(user, jobOf(discover(user, tracklist, Map.of("processAll", true))));

        assertThat(job.at("/results/0/state").asString()).isEqualTo("IDENTIFIED");
        List<MusicDatabaseStandIn.Request> asked = MUSIC_DATABASES.requests(Service.MUSICBRAINZ).stream()
                .filter(request -> request.query().get("query").contains("Xtal")).toList();
        assertThat(asked).hasSize(2);
        assertThat(Duration.between(asked.get(0).at(), asked.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
    }

    @Test
    void the_rate_limits_hold_with_three_jobs_of_five_parallel_entries_at_once() {
        List<String> lines = List.of("Caribou - Sun", "Jamie xx - Gosh", "Jon Hopkins - Open Eye Signal", "Moderat - Bad Kingdom",
                "Orbital - Chime", "Leftfield - Open Up", "Portishead - Glory Box", "Todd Terje - Inspector Norse",
                "Justice - D.A.N.C.E.", "Metronomy - The Bay", "Objekt - Ganzfeld", "Skee Mask - Rever",
                "Hunee - Hiding Hole", "Antal - Everything", "Midland - Final Credits");
        List<String> tracklists = new ArrayList<>();
        for (int list = 0; list < 3; list++) {
            StringBuilder content = new StringBuilder();
            for (int line = 0; line < 5; line++) {
                content.append(line + 1).append(". ").append(lines.get(list * 5 + line)).append('\n');
            }
            tracklists.add(tracklist(user, content.toString()));
        }

        List<String> jobs = tracklists.stream().map(id -> jobOf(discover(user, id, Map.of("processAll", true)))).toList();
        jobs.forEach(job -> awaitCompleted(user, job));

        MUSIC_DATABASES.assertNoRateLimitBreach();
        assertThat(MUSIC_DATABASES.maxRequestsPerSecond(Service.MUSICBRAINZ)).isLessThanOrEqualTo(1);
        jobs.forEach(job -> assertThat(job(user, job).at("/identified").asInt()).isEqualTo(5));
    }

    @Test
    void a_job_of_more_entries_than_its_limit_or_of_missing_positions_answers_400_and_another_users_ids_404() {
        // The tests' tracklists hold at most 50 entries, their jobs at most 40 (production: 500 and 100).
        String big = tracklistEntered(user, 41);
        discover(user, big, Map.of("processAll", true)).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        discover(user, big, Map.of("positions", List.of(500))).expectStatus().isBadRequest();
        discover(user, big, Map.of()).expectStatus().isBadRequest();

        String small = tracklist(user, "1. Bicep - Glue\n");
        discover("someone-else", small, Map.of("processAll", true)).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String job = jobOf(discover(user, small, Map.of("processAll", true)));
        http.get().uri("/api/v1/discovery/jobs/" + job).headers(h -> h.setBearerAuth(tokenFor("someone-else")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void a_provisional_match_is_resolved_by_hand_with_method_manual() {
        String tracklist = tracklist(user, "1. Chip - Flutes (Dub Mix)\n");
        JsonNode job = awaitCompleted(user, jobOf(discover(user, tracklist, Map.of("processAll", true))));
        assertThat(job.at("/results/0/state").asString()).isEqualTo("PROVISIONAL");
        String track = job.at("/results/0/catalogTrackId").asString();

        JsonNode identified = http.post().uri("/api/v1/catalog/tracks/" + track + "/identify")
                .headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("artist", "Hot Chip", "title", "Flutes (Dub Mix)", "externalIds", Map.of("discogs", "123456")))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(identified.at("/title").asString()).isEqualTo("Flutes (Dub Mix)");
        assertThat(identified.at("/externalIds/discogs").asString()).isEqualTo("123456");
        assertThat(identified.at("/discoveries/1/method").asString()).isEqualTo("manual");
        http.post().uri("/api/v1/catalog/tracks/" + track + "/identify")
                .headers(h -> h.setBearerAuth(tokenFor("someone-else"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("artist", "X", "title", "Y")).exchange().expectStatus().isNotFound();
    }

    private String tracklistEntered(String owner, int entries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= entries; i++) {
            rows.add(Map.of("position", i, "artist", "Artist " + i, "title", "Title " + i));
        }
        return http.post().uri("/api/v1/tracklists").headers(h -> h.setBearerAuth(tokenFor(owner)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Many", "entries", rows))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/id").asString();
    }

    private String tracklist(String owner, String content) {
        return http.post().uri("/api/v1/tracklists").headers(h -> h.setBearerAuth(tokenFor(owner)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Mix " + UUID.randomUUID(), "format", "TEXT", "content", content))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/id").asString();
    }

    private WebTestClient.ResponseSpec discover(String owner, String tracklist, Map<String, Object> body) {
        return http.post().uri("/api/v1/tracklists/" + tracklist + "/discover-tracks")
                .headers(h -> h.setBearerAuth(tokenFor(owner))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static String jobOf(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .at("/jobId").asString();
    }

    private JsonNode job(String owner, String job) {
        return http.get().uri("/api/v1/discovery/jobs/" + job).headers(h -> h.setBearerAuth(tokenFor(owner)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode awaitCompleted(String owner, String job) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            last.set(job(owner, job));
            assertThat(last.get().at("/status").asString()).isEqualTo("COMPLETED");
        });
        return last.get();
    }

    private JsonNode catalogTrack(String owner, String id) {
        return http.get().uri("/api/v1/catalog/tracks/" + id).headers(h -> h.setBearerAuth(tokenFor(owner)))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
