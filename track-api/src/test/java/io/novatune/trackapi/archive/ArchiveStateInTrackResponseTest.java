package io.novatune.trackapi.archive;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.addProviderTrack;
import static io.novatune.trackapi.TestTracks.setProviderExpiry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SuppressWarnings("unchecked")
class ArchiveStateInTrackResponseTest extends TrackApiIntegrationTest {

    private static final String USER = "user-archive-state";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void a_new_provider_track_shows_a_pending_archive_with_its_due_time_and_expiry() {
        Instant expiresAt = Instant.now().plus(15, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String id = addProviderTrack(http, USER, "Pending One", expiresAt);

        Map<String, Object> archive = archiveOf(get(id));

        assertThat(archive.get("status")).isEqualTo("PENDING");
        assertThat(Instant.parse((String) archive.get("expiresAt"))).isEqualTo(expiresAt);
        assertThat(Instant.parse((String) archive.get("dueAt")))
                .isCloseTo(Instant.now().plus(13, ChronoUnit.DAYS), within(Duration.ofMinutes(1)));
        assertThat(archive).doesNotContainKeys("archivedAt", "lastError");
    }

    @Test
    void links_expiring_sooner_than_the_archive_delay_are_due_at_the_same_share_of_their_life_not_at_their_expiry() {
        Instant expiresAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String id = addProviderTrack(http, USER, "Short Lived", expiresAt);

        Instant dueAt = Instant.parse((String) archiveOf(get(id)).get("dueAt"));

        // 13 of 15 days by default: 2 days of life → due after 41.6 hours, 6.4 hours before the links expire.
        assertThat(dueAt).isCloseTo(Instant.now().plus(Duration.ofMinutes(2 * 24 * 60 * 13 / 15)), within(Duration.ofMinutes(1)))
                .isBefore(expiresAt.minus(6, ChronoUnit.HOURS));
    }

    @Test
    void an_archived_track_shows_when_it_was_archived_and_a_failed_or_expired_one_why() {
        String archived = addProviderTrack(http, USER, "Archived One", Instant.now().plus(10, ChronoUnit.DAYS));
        execute("UPDATE tracks SET archived_at = timestamptz '2026-12-01T10:00:00Z', archive_due_at = NULL,"
                + " archived_audio_key = 'tracks-audio/x.mp3' WHERE id = :id", archived);
        String failed = addProviderTrack(http, USER, "Failed One", Instant.now().plus(10, ChronoUnit.DAYS));
        // As a non-retryable ArchiveFailed leaves it (ArchiveFlowTest).
        execute("UPDATE tracks SET archive_due_at = NULL, archive_attempts = 1,"
                + " last_archive_error = 'provider answered 404' WHERE id = :id", failed);
        String expired = addProviderTrack(http, USER, "Expired One", Instant.now().plus(10, ChronoUnit.DAYS));
        setProviderExpiry(db, expired, Instant.parse("2026-01-01T00:00:00Z"));

        Map<String, Object> archivedState = archiveOf(get(archived));
        assertThat(archivedState.get("status")).isEqualTo("ARCHIVED");
        assertThat(archivedState.get("archivedAt")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(get(archived).get("archivedAt")).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(archivedState).doesNotContainKeys("dueAt", "lastError");

        Map<String, Object> failedState = archiveOf(get(failed));
        assertThat(failedState.get("status")).isEqualTo("FAILED");
        assertThat(failedState.get("lastError")).isEqualTo("provider answered 404");
        assertThat(failedState).doesNotContainKeys("dueAt", "archivedAt");

        Map<String, Object> expiredState = archiveOf(get(expired));
        assertThat(expiredState.get("status")).isEqualTo("EXPIRED");
        assertThat(expiredState.get("expiresAt")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(expiredState).doesNotContainKeys("dueAt");
    }

    @Test
    void a_provider_track_without_an_expiry_shows_the_default_link_lifetime_and_a_catalog_track_no_archive() {
        Map<String, Object> added = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(USER)))
                .bodyValue(Map.of("title", "No Expiry", "artist", "Model",
                        "provider", Map.of("name", "suno", "audioUrl", "https://cdn.provider.test/no-expiry.mp3")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String catalog = addCatalogTrack(http, USER, "Catalog One");

        Instant createdAt = Instant.parse((String) added.get("createdAt"));
        assertThat(Instant.parse((String) archiveOf(added).get("expiresAt"))).isEqualTo(createdAt.plus(15, ChronoUnit.DAYS));
        assertThat(get(catalog)).doesNotContainKey("archive");
    }

    @Test
    void the_library_listing_shows_each_provider_tracks_archive_state() {
        String user = USER + "-list";
        String id = addProviderTrack(http, user, "Listed One", Instant.now().plus(10, ChronoUnit.DAYS));

        Map<String, Object> page = http.get().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        Map<String, Object> item = ((List<Map<String, Object>>) page.get("items")).stream()
                .filter(track -> id.equals(track.get("id"))).findFirst().orElseThrow();
        assertThat(archiveOf(item).get("status")).isEqualTo("PENDING");
    }

    private Map<String, Object> get(String id) {
        return http.get().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(USER)))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> archiveOf(Map<String, Object> track) {
        return (Map<String, Object>) track.get("archive");
    }

    private void execute(String sql, String id) {
        db.sql(sql).bind("id", id).then().block();
    }
}
