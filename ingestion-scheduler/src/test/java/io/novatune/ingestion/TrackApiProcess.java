package io.novatune.ingestion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The real track-api, from the jar the reactor built, on the shared PostgreSQL (its own database) and Kafka. */
final class TrackApiProcess implements AutoCloseable {

    private static final Path JAR = Path.of("..", "track-api", "target", "track-api.jar");
    private static final Path LOG = Path.of("target", "track-api-child.log");
    private static final String SECRET = "ingestion-it-secret-ingestion-it-secret-0123456789";
    private static final String DATABASE = "tracks_ingestion_it";

    private final ChildJvm process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private TrackApiProcess(ChildJvm process, URI base) {
        this.process = process;
        this.base = base;
    }

    static TrackApiProcess start(String bootstrapServers) {
        return start(bootstrapServers, Map.of());
    }

    /** As {@link #start(String)}, with more environment for the child (e.g. where the catalog stand-in answers). */
    static TrackApiProcess start(String bootstrapServers, Map<String, String> moreEnvironment) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        S3Server s3 = SharedInfrastructure.s3();
        int port = FreePort.pick();
        Map<String, String> environment = new HashMap<>(Map.ofEntries(
                        Map.entry("SERVER_PORT", Integer.toString(port)),
                        // track-api is ready only with its bucket; it creates it where told to (tests, local).
                        Map.entry("NOVATUNE_S3_ENDPOINT", s3.endpoint().toString()),
                        Map.entry("NOVATUNE_S3_ACCESS_KEY", s3.accessKey()),
                        Map.entry("NOVATUNE_S3_SECRET_KEY", s3.secretKey()),
                        Map.entry("NOVATUNE_S3_REGION", s3.region()),
                        Map.entry("NOVATUNE_S3_BUCKET", "tracks-ingestion-it"),
                        Map.entry("NOVATUNE_S3_CREATE_BUCKET", "true"),
                        Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers),
                        Map.entry("NOVATUNE_DATABASE_HOST", postgres.host()),
                        Map.entry("NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port())),
                        Map.entry("NOVATUNE_DATABASE_NAME", DATABASE),
                        Map.entry("NOVATUNE_DATABASE_USERNAME", postgres.username()),
                        Map.entry("NOVATUNE_DATABASE_PASSWORD", postgres.password()),
                        // A replication slot name unique in the cluster: the database's own name.
                        Map.entry("NOVATUNE_RELAY_SLOT_NAME", DATABASE),
                        Map.entry("NOVATUNE_SECURITY_JWT_SECRET", SECRET)));
        environment.putAll(moreEnvironment);
        ChildJvm process = ChildJvm.runJar(JAR, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                environment, ChildOutput.file(LOG));
        TrackApiProcess trackApi = new TrackApiProcess(process, URI.create("http://127.0.0.1:" + port));
        try {
            process.awaitHttpOk(trackApi.base.resolve("/actuator/health/readiness"), Duration.ofSeconds(150));
        } catch (RuntimeException notReady) {
            process.close();
            throw new IllegalStateException("track-api did not get ready; its output: " + LOG.toAbsolutePath(), notReady);
        }
        return trackApi;
    }

    /** POSTs JSON to track-api as the user (a bearer token signed like the identity provider would). */
    HttpResponse<String> post(String path, String userId, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + tokenFor(userId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenFor(String userId) {
        var key = new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder()
                .subject(userId)
                .claim("roles", List.of())
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS))
                .build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    @Override
    public void close() {
        process.close();
    }
}
