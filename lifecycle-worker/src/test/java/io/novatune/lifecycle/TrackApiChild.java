package io.novatune.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.lifecycle.orphans.ServiceToken;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

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
    private static final int PORT = freePort();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Process process;

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
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("track-api jar not found at " + jar.toAbsolutePath()
                    + ": build it first (mvn -pl track-api package -DskipTests)");
        }
        warnIfOlderThanSources(jar);
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        S3Server s3 = TestStorage.shared().server();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
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
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start track-api", e);
        }
        Thread output = new Thread(TrackApiChild::copyOutput, "track-api-child-output");
        output.setDaemon(true);
        output.start();
        Runtime.getRuntime().addShutdownHook(new Thread(TrackApiChild::stop, "track-api-child-stop"));
        awaitReady();
    }

    /** A jar older than track-api's sources may lack what these tests use: say so before a confusing 404. */
    private static void warnIfOlderThanSources(Path jar) {
        Path sources = jar.toAbsolutePath().getParent().getParent().resolve("src/main");
        if (!Files.isDirectory(sources)) {
            return;
        }
        try (var files = Files.walk(sources)) {
            long jarTime = Files.getLastModifiedTime(jar).toMillis();
            if (files.anyMatch(file -> lastModified(file) > jarTime)) {
                System.out.println("WARNING: " + jar + " is older than track-api's sources; if these tests fail, "
                        + "rebuild it (mvn -pl track-api package -DskipTests)");
            }
        } catch (IOException e) {
            // Only a hint; the tests say what is wrong anyway.
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("track-api exited with " + process.exitValue());
            }
            try {
                return http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
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

    private static void copyOutput() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[track-api] " + line);
            }
        } catch (IOException processGone) {
            // Nothing more to read.
        }
    }

    private static synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
