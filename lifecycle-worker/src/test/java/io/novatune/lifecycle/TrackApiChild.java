package io.novatune.lifecycle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.lifecycle.trackapi.ServiceToken;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real track-api (its fat jar, as built by its module) in a child JVM, on this JVM's PostgreSQL (a database
 * of its own), Kafka and S3Proxy. Its port is fixed up front so the worker's context can be configured before the
 * process is needed; the process starts on first use and stops with the JVM. The grace period and the timers are
 * seconds instead of days.
 */
public final class TrackApiChild {

    public static final String JWT_SECRET = "lifecycle-worker-tests-shared-hs256-secret-0123456789";
    public static final Duration DELETION_GRACE_PERIOD = Duration.ofSeconds(6);
    private static final String DATABASE = "lifecycle_tracks";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final int PORT = FreePort.pick();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChildJvm process;

    private TrackApiChild() {
    }

    public static URI baseUrl() {
        return URI.create("http://127.0.0.1:" + PORT);
    }

    public static URI uri(String path) {
        return baseUrl().resolve(path);
    }

    /** Starts track-api unless it runs, and waits until it is ready. */
    public static synchronized void ensureStarted() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path jar = Path.of(System.getProperty("novatune.track-api.jar", "../track-api/target/track-api.jar"));
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        S3Server s3 = TestStorage.shared().server();
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(PORT));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", KafkaProbe.bootstrapServers());
        env.put("NOVATUNE_DATABASE_HOST", postgres.host());
        env.put("NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port()));
        env.put("NOVATUNE_DATABASE_NAME", DATABASE);
        env.put("NOVATUNE_DATABASE_USERNAME", postgres.username());
        env.put("NOVATUNE_DATABASE_PASSWORD", postgres.password());
        // Replication slots are cluster-wide: one named after this database collides with no other test's.
        env.put("NOVATUNE_RELAY_SLOT_NAME", DATABASE);
        env.put("NOVATUNE_SECURITY_JWT_SECRET", JWT_SECRET);
        env.put("NOVATUNE_S3_ENDPOINT", s3.endpoint().toString());
        env.put("NOVATUNE_S3_ACCESS_KEY", s3.accessKey());
        env.put("NOVATUNE_S3_SECRET_KEY", s3.secretKey());
        env.put("NOVATUNE_S3_REGION", s3.region());
        env.put("NOVATUNE_S3_BUCKET", TestStorage.BUCKET);
        env.put("NOVATUNE_TRACKS_DELETION_GRACE_PERIOD", DELETION_GRACE_PERIOD.toMillis() + "ms");
        env.put("NOVATUNE_TIMERS_INTERVAL", "300ms");
        env.put("NOVATUNE_PURGE_RESEND_AFTER", "1m");
        process = ChildJvm.runJar(jar, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), env,
                ChildOutput.printedAs("track-api"));
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "track-api-child-stop"));
        process.awaitHttpOk(uri("/actuator/health/readiness"), START_TIMEOUT);
    }

    /** A bearer token of track-api's users: {@code sub} = the user id, with these roles. */
    public static String token(String userId, String... roles) {
        return ServiceToken.sign(JWT_SECRET, userId, List.of(roles), Instant.now(), Duration.ofHours(1), JSON);
    }

    /** Uploads an audio file of that size with its metadata, as a player app does; answers the new track's id. */
    public static String upload(String userId, int sizeBytes) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.parseMediaType("audio/mpeg"));
        fileHeaders.setContentDispositionFormData("file", "track.mp3");
        parts.add("file", new HttpEntity<>(new ByteArrayResource(new byte[sizeBytes]), fileHeaders));
        HttpHeaders metadataHeaders = new HttpHeaders();
        metadataHeaders.setContentType(MediaType.APPLICATION_JSON);
        parts.add("metadata", new HttpEntity<>("{\"title\": \"Gone Soon\", \"artist\": \"Lifecycle\"}", metadataHeaders));
        JsonNode created = RestClient.create().post().uri(uri("/api/v1/tracks"))
                .headers(headers -> headers.setBearerAuth(token(userId)))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve().body(JsonNode.class);
        return created.get("id").asText();
    }
}
