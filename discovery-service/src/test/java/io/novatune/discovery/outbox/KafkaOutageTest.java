package io.novatune.discovery.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.DiscoveryServiceApplication;
import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * With Kafka gone, the relay's send waits for metadata (max.block.ms) inside the producer's {@code send}. That wait
 * must not happen on a Netty event loop: the HTTP server and the R2DBC driver share those loops, and requests that
 * land on a blocked one hang for as long. The service runs in a child JVM: a second context in this JVM would share
 * (and, closing, dispose) the Netty resources of the other tests' context.
 */
class KafkaOutageTest {

    private static final String DATABASE = "discovery_kafka_outage";

    @Test
    void requests_are_answered_promptly_while_the_relay_waits_for_an_unreachable_kafka() throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        int port = FreePort.pick();
        // Nothing listens on this port: the producer never gets metadata.
        int noKafka = FreePort.pick();
        try (ChildJvm service = ChildJvm.runMain(DiscoveryServiceApplication.class,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of("--server.port=" + port,
                        "--spring.kafka.bootstrap-servers=127.0.0.1:" + noKafka,
                        "--novatune.database.host=" + postgres.host(),
                        "--novatune.database.port=" + postgres.port(),
                        "--novatune.database.name=" + DATABASE,
                        "--novatune.database.username=" + postgres.username(),
                        "--novatune.database.password=" + postgres.password(),
                        "--novatune.security.jwt.secret=" + DiscoveryIntegrationTest.JWT_SECRET,
                        "--novatune.discovery.outbox.interval=100ms"),
                ChildOutput.printedAs("discovery-service"));
             Connection db = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password())) {
            // Alive, not ready: readiness includes Kafka.
            service.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"), Duration.ofMinutes(3));
            db.createStatement().executeUpdate("""
                    INSERT INTO discovery_jobs (id, user_id, tracklist_id, status, total, created_at, updated_at, finished_at, event_id)
                    VALUES ('job-during-outage', 'outage-user', 'tracklist-during-outage', 'COMPLETED', 0, now(), now(), now(),
                            gen_random_uuid())
                    ON CONFLICT DO NOTHING""");
            // The relay has taken the job and is in its send (the row stays locked while it waits).
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jobLocked(db));

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String token = DiscoveryIntegrationTest.tokenFor("outage-user");
            List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 24)
                    .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tracklists"))
                            .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.join().statusCode()).isEqualTo(200);
            }
        }
    }

    /** Whether another session holds the job's row lock (the relay's FOR UPDATE). */
    private static boolean jobLocked(Connection db) throws SQLException {
        try (var locked = db.createStatement().executeQuery(
                "SELECT id FROM discovery_jobs WHERE id = 'job-during-outage' FOR UPDATE SKIP LOCKED")) {
            return !locked.next();
        }
    }
}
