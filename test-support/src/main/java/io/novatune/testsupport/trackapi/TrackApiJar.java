package io.novatune.testsupport.trackapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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

/**
 * The real track-api, from the fat jar its module built, in a child JVM on this JVM's PostgreSQL (a database of
 * its own, and a replication slot and relay offset topic named after it), Kafka and S3Proxy: what the other
 * services' tests talk to.
 */
public final class TrackApiJar implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final ChildJvm process;
    private final URI base;
    private final String jwtSecret;
    private final HttpClient http = HttpClient.newHttpClient();

    private TrackApiJar(ChildJvm process, URI base, String jwtSecret) {
        this.process = process;
        this.base = base;
        this.jwtSecret = jwtSecret;
    }

    /**
     * What a test chooses: its database and bucket (created if missing), the HS256 secret tokens are signed with,
     * and any further environment (a profile, shorter timers).
     */
    public record Settings(String database, String bucket, String jwtSecret, Map<String, String> environment) {

        public static Settings of(String database, String bucket, String jwtSecret) {
            return new Settings(database, bucket, jwtSecret, Map.of());
        }

        public Settings with(String variable, String value) {
            Map<String, String> more = new LinkedHashMap<>(environment);
            more.put(variable, value);
            return new Settings(database, bucket, jwtSecret, Map.copyOf(more));
        }
    }

    public static TrackApiJar start(Settings settings) {
        return start(settings, FreePort.pick());
    }

    /** Starts on a port chosen up front (so that a context can be configured with it first) and waits until ready. */
    public static TrackApiJar start(Settings settings, int port) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(settings.database());
        S3Server s3 = SharedInfrastructure.s3();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", SharedInfrastructure.kafka().bootstrapServers());
        environment.put("NOVATUNE_DATABASE_HOST", postgres.host());
        environment.put("NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port()));
        environment.put("NOVATUNE_DATABASE_NAME", settings.database());
        environment.put("NOVATUNE_DATABASE_USERNAME", postgres.username());
        environment.put("NOVATUNE_DATABASE_PASSWORD", postgres.password());
        // Replication slots are cluster-wide: one named after the database collides with no other test's.
        environment.put("NOVATUNE_RELAY_SLOT_NAME", settings.database());
        // And a relay offset topic of its own: on the shared one it would resume from another database's offsets.
        environment.put("NOVATUNE_RELAY_OFFSET_TOPIC", settings.database() + "-relay-offsets");
        environment.put("NOVATUNE_SECURITY_JWT_SECRET", settings.jwtSecret());
        environment.put("NOVATUNE_S3_ENDPOINT", s3.endpoint().toString());
        environment.put("NOVATUNE_S3_ACCESS_KEY", s3.accessKey());
        environment.put("NOVATUNE_S3_SECRET_KEY", s3.secretKey());
        environment.put("NOVATUNE_S3_REGION", s3.region());
        environment.put("NOVATUNE_S3_BUCKET", settings.bucket());
        // track-api is ready only with its bucket; it creates it where told to (tests, local).
        environment.put("NOVATUNE_S3_CREATE_BUCKET", "true");
        environment.putAll(settings.environment());
        Path jar = Path.of(System.getProperty("novatune.track-api.jar", "../track-api/target/track-api.jar"));
        ChildJvm process = ChildJvm.runJar(jar, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                environment, ChildOutput.printedAs("track-api"));
        TrackApiJar trackApi = new TrackApiJar(process, URI.create("http://127.0.0.1:" + port), settings.jwtSecret());
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "track-api-child-stop"));
        try {
            process.awaitHttpOk(trackApi.uri("/actuator/health/readiness"), START_TIMEOUT);
        } catch (RuntimeException notReady) {
            process.close();
            throw new IllegalStateException("track-api did not get ready (its output is in this test's, as [track-api])", notReady);
        }
        return trackApi;
    }

    public URI baseUrl() {
        return base;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A bearer token as the identity provider signs them: {@code sub} = the user id, with these roles, for an hour. */
    public String token(String userId, String... roles) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(userId)
                .audience(List.of("novatune-api"))
                .claim("roles", List.of(roles))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1)))
                .build();
        var key = new SecretKeySpec(jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /** POSTs JSON as the user. */
    public HttpResponse<String> post(String path, String userId, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token(userId))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.close();
    }
}
