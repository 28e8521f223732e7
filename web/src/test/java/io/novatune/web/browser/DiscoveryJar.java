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

/**
 * The real discovery-service, from the fat jar its module built, in a child JVM on this JVM's PostgreSQL (a
 * database of its own) and Kafka, accepting the same HS256 tokens as track-api.
 */
final class DiscoveryJar implements AutoCloseable {

    private final ChildJvm process;
    private final URI base;

    private DiscoveryJar(ChildJvm process, URI base) {
        this.process = process;
        this.base = base;
    }

    static DiscoveryJar start(String database, String jwtSecret) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(database);
        int port = FreePort.pick();
        Map<String, String> environment = Map.of(
                "SERVER_PORT", Integer.toString(port),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafka().bootstrapServers(),
                "NOVATUNE_DATABASE_HOST", postgres.host(),
                "NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port()),
                "NOVATUNE_DATABASE_NAME", database,
                "NOVATUNE_DATABASE_USERNAME", postgres.username(),
                "NOVATUNE_DATABASE_PASSWORD", postgres.password(),
                "NOVATUNE_SECURITY_JWT_SECRET", jwtSecret);
        Path jar = Path.of(System.getProperty("novatune.discovery.jar", "../discovery-service/target/discovery-service.jar"));
        ChildJvm process = ChildJvm.runJar(jar, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                environment, ChildOutput.printedAs("discovery-service"));
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "discovery-child-stop"));
        DiscoveryJar discovery = new DiscoveryJar(process, URI.create("http://127.0.0.1:" + port));
        try {
            process.awaitHttpOk(discovery.base.resolve("/actuator/health/readiness"), Duration.ofMinutes(3));
        } catch (RuntimeException notReady) {
            process.close();
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
    }
}
