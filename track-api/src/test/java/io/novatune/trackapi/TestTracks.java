package io.novatune.trackapi;

import io.novatune.trackapi.track.StoredAudio;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackMetadata;
import io.novatune.trackapi.track.TrackSource;
import io.novatune.trackapi.track.TrackStatus;
import io.novatune.trackapi.track.TrackStore;
import com.github.f4b6a3.ulid.UlidCreator;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Tracks for tests, added the way users add them. */
public final class TestTracks {

    private TestTracks() {
    }

    public static String addCatalogTrack(WebTestClient http, String userId, String title) {
        Map<?, ?> track = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "artist", "Test Artist",
                        "catalogRef", Map.of("service", "spotify", "id", title.replace(' ', '-'))))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) track.get("id");
    }

    public static String addProviderTrack(WebTestClient http, String userId, String title, Instant expiresAt) {
        Map<?, ?> track = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(userId)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "artist", "Test Artist",
                        "provider", Map.of("name", "suno",
                                "audioUrl", "https://cdn.provider.test/" + title.replace(' ', '-') + ".mp3",
                                "coverUrl", "https://cdn.provider.test/" + title.replace(' ', '-') + ".jpg",
                                "expiresAt", expiresAt.toString())))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) track.get("id");
    }

    /**
     * A provider track whose links expired at {@code expiredAt}, in the past: added with links valid for a day
     * (an expiry in the past is refused), then moved back as time would.
     */
    public static String addExpiredProviderTrack(WebTestClient http, DatabaseClient db, String userId, String title,
                                                 Instant expiredAt) {
        String id = addProviderTrack(http, userId, title, Instant.now().plus(1, ChronoUnit.DAYS));
        setProviderExpiry(db, id, expiredAt);
        return id;
    }

    public static void setProviderExpiry(DatabaseClient db, String trackId, Instant expiresAt) {
        db.sql("UPDATE tracks SET provider_expires_at = :at WHERE id = :id")
                .bind("at", expiresAt)
                .bind("id", trackId)
                .then()
                .block();
    }

    /**
     * An uploaded track, written as the upload use case leaves it (the upload endpoint is built on
     * another branch), with the user's quota counting its bytes.
     */
    public static Track addUploadedTrack(TrackStore tracks, DatabaseClient db, String userId, long sizeBytes) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = UlidCreator.getMonotonicUlid().toString();
        Track track = new Track(id, userId, new TrackMetadata("Upload " + id, "Test Artist", null, null, null, null, null,
                180_000L), TrackStatus.READY, TrackSource.UPLOAD, null,
                new StoredAudio("audio/" + userId + "/" + id, "waveforms/" + userId + "/" + id, sizeBytes, "audio/mpeg"),
                null, null, null, now, now, 0);
        tracks.insert(track).block();
        db.sql("""
                        INSERT INTO user_quota (user_id, used_bytes, limit_bytes) VALUES (:userId, :bytes, 1073741824)
                        ON CONFLICT (user_id) DO UPDATE SET used_bytes = user_quota.used_bytes + :bytes""")
                .bind("userId", userId)
                .bind("bytes", sizeBytes)
                .then()
                .block();
        return track;
    }

    public static long usedBytes(DatabaseClient db, String userId) {
        return db.sql("SELECT used_bytes FROM user_quota WHERE user_id = :userId")
                .bind("userId", userId)
                .map(row -> row.get("used_bytes", Long.class))
                .one()
                .block();
    }

    /** The status in the database, or null once the row is gone. */
    public static String status(DatabaseClient db, String trackId) {
        return db.sql("SELECT status FROM tracks WHERE id = :id")
                .bind("id", trackId)
                .map(row -> row.get("status", String.class))
                .one()
                .block();
    }
}
