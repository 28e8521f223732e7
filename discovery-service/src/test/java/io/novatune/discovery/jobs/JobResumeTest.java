package io.novatune.discovery.jobs;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.DiscoveryServiceApplication;
import io.novatune.events.Topics;
import io.novatune.events.TracksDiscovered;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import io.novatune.infra.standin.MusicDatabaseStandIn.Service;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job whose service is killed (SIGKILL, a child JVM of the service) resumes in the next instance where it stopped:
 * the entries identified before the kill are not asked again, the rest are, and one TracksDiscovered is published.
 */
class JobResumeTest {

    private static final String DATABASE = "discovery_resume";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MusicDatabaseStandIn STAND_IN = MusicDatabaseStandIn.start().withRecordedCatalog();
    private static final List<String> LINES = List.of("Bicep - Apricots", "Bicep - Atlas", "Hot Chip - Over and Over",
            "Daft Punk - One More Time", "Chic - Good Times", "Four Tet - Two Thousand and Seventeen", "Floating Points - LesAlpx",
            "Aphex Twin - Windowlicker", "Boards of Canada - Roygbiv", "Kölsch - Grey", "DJ Koze - Pick Up",
            "Underworld - Rez");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String user = "user-" + UUID.randomUUID();

    @AfterAll
    static void stop() {
        STAND_IN.close();
    }

    @Test
    void a_job_killed_midway_resumes_after_restart_with_only_the_entries_it_had_not_identified() throws Exception {
        SharedInfrastructure.postgres().ensureDatabase(DATABASE);
        KafkaProbe kafka = KafkaProbe.shared();
        String tracklist;
        String job;
        try (Running first = service()) {
            URI base = first.uri;
            StringBuilder content = new StringBuilder();
            for (int i = 0; i < LINES.size(); i++) {
                content.append(i + 1).append(". ").append(LINES.get(i)).append('\n');
            }
            tracklist = post(base, "/api/v1/tracklists", Map.of("title", "Resumed", "format", "TEXT", "content", content.toString()))
                    .path("id").asString();
            job = post(base, "/api/v1/tracklists/" + tracklist + "/discover-tracks", Map.of("processAll", true))
                    .path("jobId").asString();
            await().atMost(Duration.ofSeconds(60)).until(() -> get(base, "/api/v1/discovery/jobs/" + job).path("done").asInt() >= 3);
            first.process.crash();
        }
        int doneBeforeTheKill = countDone(job);
        assertThat(doneBeforeTheKill).isBetween(3, LINES.size() - 1);
        int askedBeforeTheKill = STAND_IN.requests(Service.MUSICBRAINZ).size();

        try (Running second = service()) {
            AtomicReference<JsonNode> last = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                last.set(get(second.uri, "/api/v1/discovery/jobs/" + job));
                assertThat(last.get().path("status").asString()).isEqualTo("COMPLETED");
            });
            assertThat(last.get().path("done").asInt()).isEqualTo(LINES.size());
            assertThat(last.get().path("identified").asInt()).isEqualTo(LINES.size());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(kafka.events(Topics.TRACKS_DISCOVERED, tracklist, TracksDiscovered.class))
                            .extracting(TracksDiscovered::getJobId).containsExactly(job));
        }
        // Entries with an outcome before the kill were not asked again; only those in flight (at most 5) were, and of
        // those, ones whose answer had reached the database cache (lookup_cache) before the kill are not asked either.
        int askedAfter = STAND_IN.requests(Service.MUSICBRAINZ).size() - askedBeforeTheKill;
        int pending = LINES.size() - doneBeforeTheKill;
        assertThat(askedAfter).isBetween(Math.max(0, pending - 5), pending + 5);
        STAND_IN.assertNoRateLimitBreach();
    }

    private int countDone(String job) throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();
        try (var connection = java.sql.DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
             var statement = connection.prepareStatement("SELECT done, status FROM discovery_jobs WHERE id = ?")) {
            statement.setString(1, job);
            try (var row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString("status")).isEqualTo("RUNNING");
                return row.getInt("done");
            }
        }
    }

    /** The service in a child JVM on this JVM's classpath, its own database, the stand-in, short leases. */
    private static Running service() {
        PostgresServer postgres = SharedInfrastructure.postgres();
        int port = FreePort.pick();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KafkaProbe.shared().bootstrapServers(),
                "--novatune.database.host=" + postgres.host(),
                "--novatune.database.port=" + postgres.port(),
                "--novatune.database.name=" + DATABASE,
                "--novatune.database.username=" + postgres.username(),
                "--novatune.database.password=" + postgres.password(),
                "--novatune.security.jwt.secret=" + DiscoveryIntegrationTest.JWT_SECRET,
                "--novatune.discovery.musicbrainz.base-url=" + STAND_IN.musicBrainzUrl(),
                "--novatune.discovery.discogs.base-url=" + STAND_IN.discogsUrl(),
                "--novatune.discovery.discogs.token=" + MusicDatabaseStandIn.DISCOGS_TOKEN,
                "--novatune.discovery.jobs.lease=3s",
                "--novatune.discovery.jobs.sweep-interval=500ms"));
        io.novatune.infra.ChildJvm process = io.novatune.infra.ChildJvm.runMain(DiscoveryServiceApplication.class,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), arguments,
                ChildOutput.printedAs("discovery-service"));
        URI uri = URI.create("http://127.0.0.1:" + port);
        process.awaitHttpOk(uri.resolve("/actuator/health/readiness"), Duration.ofSeconds(180));
        return new Running(process, uri);
    }

    /** The child JVM and where it answers. */
    private record Running(io.novatune.infra.ChildJvm process, URI uri) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private JsonNode post(URI base, String path, Map<String, Object> body) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private JsonNode get(URI base, String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + DiscoveryIntegrationTest.tokenFor(user))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
