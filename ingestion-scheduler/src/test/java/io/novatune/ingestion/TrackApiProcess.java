package io.novatune.ingestion;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The real track-api, from the fat jar the reactor built, as a child process on the shared PostgreSQL (its own
 * database) and Kafka. Its output goes to {@code target/track-api-child.log}.
 */
final class TrackApiProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "track-api", "target", "track-api.jar");
    private static final String SECRET = "ingestion-it-secret-ingestion-it-secret-0123456789";
    private static final String DATABASE = "tracks_ingestion_it";
    private static final Path LOG = Path.of("target", "track-api-child.log");

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private TrackApiProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static TrackApiProcess start(String bootstrapServers) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath().normalize() + " is missing: this test runs the real"
                    + " track-api. Run mvn verify from the root (the reactor builds track-api first), or"
                    + " mvn -pl track-api -am package -DskipTests once.");
        }
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        builder.environment().putAll(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "NOVATUNE_DATABASE_HOST", postgres.host(),
                "NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port()),
                "NOVATUNE_DATABASE_NAME", DATABASE,
                "NOVATUNE_DATABASE_USERNAME", postgres.username(),
                "NOVATUNE_DATABASE_PASSWORD", postgres.password(),
                "NOVATUNE_RELAY_SLOT_NAME", DATABASE,
                "NOVATUNE_SECURITY_JWT_SECRET", SECRET,
                "SERVER_PORT", Integer.toString(port)));
        TrackApiProcess started = new TrackApiProcess(builder.start(), URI.create("http://localhost:" + port));
        started.awaitHealthy();
        return started;
    }

    private void awaitHealthy() {
        await("track-api health UP (its output: " + LOG.toAbsolutePath() + ")")
                .atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofMillis(500))
                .failFast("track-api exited", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
                });
    }

    /** POSTs JSON to track-api as the user (a bearer token signed like the identity provider would). */
    HttpResponse<String> post(String path, String userId, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + tokenFor(userId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
