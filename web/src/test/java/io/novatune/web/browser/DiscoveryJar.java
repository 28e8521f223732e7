package io.novatune.web.browser;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import io.novatune.infra.standin.MusicDatabaseStandIn.Service;

/**
 * The real discovery-service, from the fat jar its module built, in a child JVM on this JVM's PostgreSQL (a
 * database of its own) and Kafka, accepting the same HS256 tokens as track-api, identifying against the recorded
 * MusicBrainz and Discogs of {@link MusicDatabaseStandIn} (at 20 requests/s, so that a job takes seconds).
 */
final class DiscoveryJar implements AutoCloseable {

    private static final int REQUESTS_PER_SECOND = 20;

    private final ChildJvm process;
    private final URI base;
    private final MusicDatabaseStandIn musicDatabases;

    private DiscoveryJar(ChildJvm process, URI base, MusicDatabaseStandIn musicDatabases) {
        this.process = process;
        this.base = base;
        this.musicDatabases = musicDatabases;
    }

    static DiscoveryJar start(String database, String jwtSecret) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(database);
        // As deploy/run-local does: the topics discovery-service publishes to and consumes exist before it starts.
        SharedInfrastructure.kafka().createTopics(List.of("tracks-discovered", "track-added"), 1);
        int port = FreePort.pick();
        MusicDatabaseStandIn musicDatabases = MusicDatabaseStandIn.start().withRecordedCatalog()
                .withRateLimit(Service.MUSICBRAINZ, REQUESTS_PER_SECOND, Duration.ofSeconds(1))
                .withRateLimit(Service.DISCOGS, REQUESTS_PER_SECOND, Duration.ofSeconds(1));
        Map<String, String> environment = Map.ofEntries(
                Map.entry("NOVATUNE_DISCOVERY_MUSICBRAINZ_BASE_URL", musicDatabases.musicBrainzUrl().toString()),
                Map.entry("NOVATUNE_DISCOVERY_MUSICBRAINZ_POLICY_REQUESTS", Integer.toString(REQUESTS_PER_SECOND)),
                Map.entry("NOVATUNE_DISCOVERY_DISCOGS_BASE_URL", musicDatabases.discogsUrl().toString()),
                Map.entry("NOVATUNE_DISCOVERY_DISCOGS_TOKEN", MusicDatabaseStandIn.DISCOGS_TOKEN),
                Map.entry("NOVATUNE_DISCOVERY_DISCOGS_POLICY_REQUESTS", Integer.toString(REQUESTS_PER_SECOND)),
                Map.entry("SERVER_PORT", Integer.toString(port)),
                Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafka().bootstrapServers()),
                Map.entry("NOVATUNE_DATABASE_HOST", postgres.host()),
                Map.entry("NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port())),
                Map.entry("NOVATUNE_DATABASE_NAME", database),
                Map.entry("NOVATUNE_DATABASE_USERNAME", postgres.username()),
                Map.entry("NOVATUNE_DATABASE_PASSWORD", postgres.password()),
                Map.entry("NOVATUNE_SECURITY_JWT_SECRET", jwtSecret));
        Path jar = Path.of(System.getProperty("novatune.discovery.jar", "../discovery-service/target/discovery-service.jar"));
        ChildJvm process = ChildJvm.runJar(jar, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                environment, ChildOutput.printedAs("discovery-service"));
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "discovery-child-stop"));
        DiscoveryJar discovery = new DiscoveryJar(process, URI.create("http://127.0.0.1:" + port), musicDatabases);
        try {
            process.awaitHttpOk(discovery.base.resolve("/actuator/health/readiness"), Duration.ofMinutes(3));
        } catch (RuntimeException notReady) {
            discovery.close();
            throw new IllegalStateException("discovery-service did not get ready (its output is in this test's, as [discovery-service])",
                    notReady);
        }
        return discovery;
    }

    URI baseUrl() {
        return base;
    }

    @Override
    public void close() {
        process.close();
        musicDatabases.close();
    }
}
