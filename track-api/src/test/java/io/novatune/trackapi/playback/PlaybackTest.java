package io.novatune.trackapi.playback;

import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

import static io.novatune.trackapi.TestTracks.setProviderExpiry;
import static org.assertj.core.api.Assertions.assertThat;

class PlaybackTest extends LibraryIntegrationTest {

    @Autowired
    PlaybackTickets tickets;

    @Test
    void an_uploaded_track_redirects_to_a_short_lived_signed_link_that_plays_the_uploaded_bytes_without_a_token() {
        String user = newUser();
        byte[] audio = audio(200_000);
        String trackId = uploaded(user, audio);

        String link = link(stream(user, trackId));

        assertThat(link).startsWith("/api/v1/playback/");
        client().get().uri(link).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("audio/mpeg")
                .expectHeader().contentLength(audio.length)
                .expectHeader().valueEquals("Accept-Ranges", "bytes")
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .expectBody(byte[].class).isEqualTo(audio);
    }

    @Test
    void a_player_seeking_gets_the_range_it_asked_for_and_a_range_past_the_end_is_refused_416() {
        String user = newUser();
        byte[] audio = audio(200_000);
        String link = link(stream(user, uploaded(user, audio)));

        client().get().uri(link).header("Range", "bytes=1000-1999").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals("Content-Range", "bytes 1000-1999/200000")
                .expectHeader().contentLength(1000)
                .expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(audio, 1000, 2000));
        client().get().uri(link).header("Range", "bytes=199990-").exchange()
                .expectStatus().isEqualTo(206)
                .expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(audio, 199_990, 200_000));
        client().get().uri(link).header("Range", "bytes=-10").exchange()
                .expectStatus().isEqualTo(206)
                .expectBody(byte[].class).isEqualTo(Arrays.copyOfRange(audio, 199_990, 200_000));
        // Several ranges at once are ignored (RFC 9110 allows it): the whole file.
        client().get().uri(link).header("Range", "bytes=0-1,5-6").exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).isEqualTo(audio);
        client().get().uri(link).header("Range", "bytes=300000-").exchange()
                .expectStatus().isEqualTo(416)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void nothing_of_a_track_is_served_once_its_DELETE_answered_even_on_links_handed_out_before_and_a_restore_plays_again() {
        String user = newUser();
        String trackId = uploaded(user, audio(50_000));
        String link = link(stream(user, trackId));
        client().get().uri(link).exchange().expectStatus().isOk();

        client().delete().uri("/api/v1/tracks/{id}", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isAccepted();

        client().get().uri(link).exchange()
                .expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-deleted");
        client().get().uri(link).header("Range", "bytes=0-99").exchange().expectStatus().isEqualTo(410);

        client().post().uri("/api/v1/tracks/{id}/restore", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isOk();
        client().get().uri(link).exchange().expectStatus().isOk();
    }

    @Test
    void a_link_that_was_tampered_with_or_expired_is_refused_403() {
        String user = newUser();
        String trackId = uploaded(user, audio(1000));
        String link = link(stream(user, trackId));

        String payload = link.substring("/api/v1/playback/".length(), link.indexOf('.'));
        String forged = "/api/v1/playback/" + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                        .replace(user, newUser()).getBytes(StandardCharsets.UTF_8)) + link.substring(link.indexOf('.'));
        client().get().uri(forged).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/playback-link-invalid");
        client().get().uri("/api/v1/playback/not-a-link").exchange().expectStatus().isForbidden();

        String expired = tickets.issue(new PlaybackTickets.Ticket(trackId, user, Playback.Asset.AUDIO,
                Instant.now().minusSeconds(1)));
        client().get().uri("/api/v1/playback/" + expired).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("expired"));
    }

    @Test
    void a_provider_track_redirects_to_the_providers_link_while_it_is_valid() {
        String user = newUser();
        String trackId = added(user, providerTrack("https://cdn.suno.example/audio/abc.mp3", Instant.now().plus(15, ChronoUnit.DAYS)));

        stream(user, trackId).expectStatus().isFound()
                .expectHeader().location("https://cdn.suno.example/audio/abc.mp3");
    }

    @Test
    void a_provider_track_whose_link_expired_unarchived_has_nothing_to_play_409() {
        String user = newUser();
        String trackId = added(user, providerTrack("https://cdn.suno.example/audio/old.mp3", Instant.now().plus(1, ChronoUnit.DAYS)));
        setProviderExpiry(db, trackId, Instant.now().minusSeconds(60));

        stream(user, trackId).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/nothing-to-play")
                .jsonPath("$.instance").isEqualTo("/api/v1/tracks/" + trackId + "/stream");
    }

    @Test
    void an_archived_provider_track_plays_our_copy_even_after_the_providers_link_expired() {
        String user = newUser();
        String trackId = added(user, providerTrack("https://cdn.suno.example/audio/gone.mp3", Instant.now().plus(1, ChronoUnit.DAYS)));
        setProviderExpiry(db, trackId, Instant.now().minusSeconds(60));
        String archivedKey = "tracks-audio/" + user + "/" + trackId + ".mp3";
        byte[] copy = audio(50_000);
        putObject(archivedKey, "audio/mpeg", copy);
        db.sql("UPDATE tracks SET archived_at = now(), archived_audio_key = :key WHERE id = :id")
                .bind("key", archivedKey).bind("id", trackId).then().block();

        client().get().uri(link(stream(user, trackId))).exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).isEqualTo(copy);
    }

    @Test
    void a_catalog_track_has_nothing_to_play_409() {
        String user = newUser();
        String trackId = addCatalogTrack(user);

        stream(user, trackId).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/nothing-to-play");
    }

    @Test
    void another_users_track_and_an_unknown_id_both_answer_404() {
        String owner = newUser();
        String trackId = uploaded(owner, audio(1000));

        stream(newUser(), trackId).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-not-found");
        stream(owner, "01JZZZZZZZZZZZZZZZZZZZZZZZ").expectStatus().isNotFound();
    }

    @Test
    void nothing_is_served_for_a_deleted_track_410_with_restoreUntil_while_it_can_be_restored() {
        String user = newUser();
        String deleted = uploaded(user, audio(1000));
        execute("""
                UPDATE tracks SET status_before_deletion = status, status = 'DELETED', deleted_at = now(),
                                  scheduled_deletion_at = timestamptz '2030-01-01T00:00:00Z'
                WHERE id = :id""", deleted);
        String purging = uploaded(user, audio(1000));
        execute("UPDATE tracks SET status = 'PURGING', deleted_at = now(), scheduled_deletion_at = now() WHERE id = :id", purging);
        String failed = uploaded(user, audio(1000));
        execute("UPDATE tracks SET status = 'DELETE_FAILED', deleted_at = now(), scheduled_deletion_at = now() WHERE id = :id", failed);

        stream(user, deleted).expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-deleted")
                .jsonPath("$.restoreUntil").isEqualTo("2030-01-01T00:00:00Z");
        stream(user, purging).expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.restoreUntil").doesNotExist();
        stream(user, failed).expectStatus().isEqualTo(410);
    }

    @Test
    void a_provider_link_stored_before_links_were_checked_that_does_not_parse_is_nothing_to_play_not_a_500() {
        String user = newUser();
        String trackId = added(user, providerTrack("https://cdn.suno.example/audio/fine.mp3", Instant.now().plus(1, ChronoUnit.DAYS)));
        db.sql("UPDATE tracks SET provider_audio_url = 'http://x/a b', provider_cover_url = 'http://x/c d' WHERE id = :id")
                .bind("id", trackId).then().block();

        stream(user, trackId).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("not a valid URI"));
        asset(user, trackId, "cover").expectStatus().isEqualTo(409);
    }

    @Test
    void cover_and_video_redirect_to_the_providers_links_while_they_are_valid() {
        String user = newUser();
        String trackId = added(user, providerTrack(Instant.now().plus(10, ChronoUnit.DAYS)));

        asset(user, trackId, "cover").expectStatus().isFound()
                .expectHeader().location("https://cdn.suno.example/cover/abc.jpg?sig=1")
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"));
        asset(user, trackId, "video").expectStatus().isFound()
                .expectHeader().location("https://cdn.suno.example/video/abc.mp4");
    }

    @Test
    void cover_and_video_redirect_to_signed_links_of_our_copies_once_archived_even_after_the_links_expired() {
        String user = newUser();
        String trackId = added(user, providerTrack(Instant.now().plus(1, ChronoUnit.DAYS)));
        byte[] cover = audio(30_000);
        byte[] video = audio(70_000);
        putObject("tracks-covers/" + user + "/" + trackId + ".jpg", "image/jpeg", cover);
        putObject("tracks-videos/" + user + "/" + trackId + ".mp4", "video/mp4", video);
        db.sql("""
                        UPDATE tracks SET archived_at = now(), archive_due_at = NULL,
                               archived_cover_key = :cover, archived_video_key = :video,
                               provider_expires_at = now() - interval '1 minute'
                         WHERE id = :id""")
                .bind("cover", "tracks-covers/" + user + "/" + trackId + ".jpg")
                .bind("video", "tracks-videos/" + user + "/" + trackId + ".mp4")
                .bind("id", trackId).then().block();

        for (var expected : java.util.Map.of("cover", cover, "video", video).entrySet()) {
            client().get().uri(link(asset(user, trackId, expected.getKey()))).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType(expected.getKey().equals("cover") ? "image/jpeg" : "video/mp4")
                    .expectBody(byte[].class).isEqualTo(expected.getValue());
        }
    }

    @Test
    void cover_and_video_whose_links_expired_unarchived_are_gone_410_problem() {
        String user = newUser();
        String trackId = added(user, providerTrack(Instant.now().plus(1, ChronoUnit.DAYS)));
        Instant expiredAt = Instant.parse("2026-01-01T00:00:00Z");
        setProviderExpiry(db, trackId, expiredAt);

        for (String asset : new String[] {"cover", "video"}) {
            asset(user, trackId, asset).expectStatus().isEqualTo(410)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://novatune.io/problems/asset-expired")
                    .jsonPath("$.asset").isEqualTo(asset)
                    .jsonPath("$.expiredAt").isEqualTo("2026-01-01T00:00:00Z")
                    .jsonPath("$.instance").isEqualTo("/api/v1/tracks/" + trackId + "/" + asset);
        }
    }

    @Test
    void a_track_that_never_had_a_cover_or_video_answers_404_and_a_deleted_one_410() {
        String user = newUser();
        String noVideo = added(user, """
                {"title": "Audio Only", "artist": "Suno v4",
                 "provider": {"name": "suno", "audioUrl": "https://cdn.suno.example/a.mp3",
                              "coverUrl": "https://cdn.suno.example/c.jpg"}}
                """);
        String catalog = addCatalogTrack(user);
        String uploaded = uploaded(user, audio(1000));

        asset(user, noVideo, "video").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/no-such-asset");
        asset(user, noVideo, "cover").expectStatus().isFound();
        asset(user, catalog, "cover").expectStatus().isNotFound();
        asset(user, uploaded, "video").expectStatus().isNotFound();
        asset(newUser(), noVideo, "cover").expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-not-found");

        client().delete().uri("/api/v1/tracks/{id}", noVideo)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isAccepted();
        asset(user, noVideo, "cover").expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/track-deleted");
    }

    @Test
    void the_stream_needs_a_token() {
        client().get().uri("/api/v1/tracks/01JZZZZZZZZZZZZZZZZZZZZZZZ/stream").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Where a 302 of {@code /stream}, {@code /cover} or {@code /video} sends the player. */
    private static String link(WebTestClient.ResponseSpec redirect) {
        return redirect.expectStatus().isFound()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
    }

    private WebTestClient.ResponseSpec asset(String user, String trackId, String asset) {
        return client().get().uri("/api/v1/tracks/{id}/{asset}", trackId, asset)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }

    private static String providerTrack(Instant expiresAt) {
        return """
                {"title": "Neon Rain", "artist": "Suno v4",
                 "provider": {"name": "suno", "audioUrl": "https://cdn.suno.example/audio/abc.mp3",
                              "coverUrl": "https://cdn.suno.example/cover/abc.jpg?sig=1",
                              "videoUrl": "https://cdn.suno.example/video/abc.mp4", "expiresAt": "%s"}}
                """.formatted(expiresAt);
    }

    private WebTestClient.ResponseSpec stream(String user, String trackId) {
        return client().get().uri("/api/v1/tracks/{id}/stream", trackId)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange();
    }

    private static String providerTrack(String audioUrl, Instant expiresAt) {
        return """
                {"title": "Neon Rain", "artist": "Suno v4",
                 "provider": {"name": "suno", "audioUrl": "%s", "expiresAt": "%s"}}
                """.formatted(audioUrl, expiresAt);
    }

    private static String s3Endpoint() {
        return io.novatune.infra.SharedInfrastructure.s3().endpoint().toString();
    }
}
