package io.novatune.trackapi.quota;

import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaTest extends LibraryIntegrationTest {

    private static final long DEFAULT_LIMIT = 10L * 1024 * 1024 * 1024;
    /** {@code novatune.quota.max-tracks}'s default. */
    private static final long MAX_TRACKS = 100_000;

    @Test
    void a_user_who_never_uploaded_has_used_nothing_of_the_default_limit() {
        quota(newUser()).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.usedBytes").isEqualTo(0)
                .jsonPath("$.limitBytes").isEqualTo(DEFAULT_LIMIT)
                .jsonPath("$.trackCount").isEqualTo(0);
    }

    @Test
    void uploads_count_their_bytes_and_every_track_not_yet_purged_counts_as_a_track() {
        String user = newUser();
        uploaded(user, audio(123_456));
        uploaded(user, audio(654_321));
        addCatalogTrack(user);
        String deleted = addCatalogTrack(user);
        execute("UPDATE tracks SET status = 'DELETED', deleted_at = now(), scheduled_deletion_at = now() WHERE id = :id",
                deleted);

        quota(user).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.usedBytes").isEqualTo(123_456 + 654_321)
                .jsonPath("$.limitBytes").isEqualTo(DEFAULT_LIMIT)
                .jsonPath("$.trackCount").isEqualTo(4);
    }

    @Test
    void a_quota_is_the_callers_own() {
        String uploader = newUser();
        uploaded(uploader, audio(10_000));
        setQuotaLimit(uploader, 50_000);

        quota(uploader).expectBody().jsonPath("$.usedBytes").isEqualTo(10_000).jsonPath("$.limitBytes").isEqualTo(50_000);
        quota(newUser()).expectBody()
                .jsonPath("$.usedBytes").isEqualTo(0)
                .jsonPath("$.limitBytes").isEqualTo(DEFAULT_LIMIT)
                .jsonPath("$.trackCount").isEqualTo(0);
    }

    @Test
    void a_library_at_its_track_limit_refuses_one_more_track_of_any_source_and_keeps_nothing_of_it() {
        String user = newUser();
        setTrackCount(user, MAX_TRACKS - 1);
        addCatalogTrack(user);

        refused(client().post().uri("/api/v1/tracks").headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "One Too Many", "artist": "Daft Punk",
                         "catalogRef": {"service": "spotify", "id": "0MyY4WcN7DIfbSmp5yej5z"}}""")
                .exchange(), 1);
        refused(post(user, upload(audio(50_000))), 1);
        refused(client().post().uri("/api/v1/library/albums").headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Homework", "artist": "Daft Punk",
                         "tracks": [{"title": "Daftendirekt", "isrc": "GBDUW9600001"}]}""")
                .exchange(), 1);

        assertThat(trackRowsOf(user)).isEqualTo(1);
        assertThat(objectsOf(user)).isEmpty();
        assertThat(usedBytes(user)).isZero();
        quota(user).expectBody().jsonPath("$.trackCount").isEqualTo(MAX_TRACKS);
    }

    @Test
    void an_album_that_would_pass_the_track_limit_is_refused_whole() {
        String user = newUser();
        setTrackCount(user, MAX_TRACKS - 2);

        refused(client().post().uri("/api/v1/library/albums").headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Homework", "artist": "Daft Punk", "tracks": [
                          {"title": "Daftendirekt"}, {"title": "WDPK 83.7 FM"}, {"title": "Revolution 909"}]}""")
                .exchange(), 3);

        assertThat(trackRowsOf(user)).isZero();
        quota(user).expectBody().jsonPath("$.trackCount").isEqualTo(MAX_TRACKS - 2);
    }

    @Test
    void the_quota_needs_a_token() {
        client().get().uri("/api/v1/me/quota").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static void refused(WebTestClient.ResponseSpec response, int requested) {
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/track-limit-reached"))
                .jsonPath("$.trackLimit").isEqualTo(MAX_TRACKS)
                .jsonPath("$.requestedTracks").isEqualTo(requested);
    }

    private void setTrackCount(String user, long tracks) {
        db.sql("INSERT INTO user_track_counts (user_id, tracks) VALUES (:user, :tracks)")
                .bind("user", user).bind("tracks", tracks).then().block();
    }

    private WebTestClient.ResponseSpec quota(String user) {
        return client().get().uri("/api/v1/me/quota")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }
}
