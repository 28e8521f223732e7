package io.novatune.lifecycle;

import io.novatune.infra.FreePort;
import io.novatune.testsupport.storage.TestStorage;
import io.novatune.testsupport.trackapi.TrackApiJar;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;

/**
 * The real track-api jar as this module's tests need it: on the media bucket the worker cleans, with a grace
 * period and timers of seconds instead of days. Its port is fixed up front so the worker's context can be
 * configured before the process is needed; the process starts on first use and stops with the JVM.
 */
public final class TrackApiChild {

    public static final String JWT_SECRET = "lifecycle-worker-tests-shared-hs256-secret-0123456789";
    public static final Duration DELETION_GRACE_PERIOD = Duration.ofSeconds(6);
    private static final int PORT = FreePort.pick();

    private static TrackApiJar process;

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
        TestStorage.shared();
        process = TrackApiJar.start(TrackApiJar.Settings.of("lifecycle_tracks", TestStorage.BUCKET, JWT_SECRET)
                .with("NOVATUNE_TRACKS_DELETION_GRACE_PERIOD", DELETION_GRACE_PERIOD.toMillis() + "ms")
                .with("NOVATUNE_TIMERS_INTERVAL", "300ms")
                .with("NOVATUNE_PURGE_RESEND_AFTER", "1m"), PORT);
    }

    /** A bearer token of track-api's users: {@code sub} = the user id, with these roles. */
    public static String token(String userId, String... roles) {
        ensureStarted();
        return process.token(userId, roles);
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
