package io.novatune.trackapi.playback;

import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybackTest extends LibraryIntegrationTest {

    private final HttpClient player = HttpClient.newHttpClient();

    @Test
    void an_uploaded_track_redirects_to_a_short_lived_presigned_url_that_downloads_the_uploaded_bytes() throws Exception {
        String user = newUser();
        byte[] audio = audio(200_000);
        String trackId = uploaded(user, audio);

        URI location = stream(user, trackId).expectStatus().isFound()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(location.toString())
                .startsWith(s3Endpoint() + "/" + BUCKET + "/audio/" + user + "/" + trackId + "?")
                .contains("X-Amz-Expires=900").contains("X-Amz-Signature=");
        HttpResponse<byte[]> download = player.send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(audio);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("audio/mpeg");

        URI tampered = URI.create(location.toString().replace("X-Amz-Expires=900", "X-Amz-Expires=90000"));
        assertThat(player.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(403);
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
        String trackId = added(user, providerTrack("https://cdn.suno.example/audio/old.mp3", Instant.now().minusSeconds(60)));

        stream(user, trackId).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/nothing-to-play")
                .jsonPath("$.instance").isEqualTo("/api/v1/tracks/" + trackId + "/stream");
    }

    @Test
    void an_archived_provider_track_plays_our_copy_even_after_the_providers_link_expired() throws Exception {
        String user = newUser();
        String trackId = added(user, providerTrack("https://cdn.suno.example/audio/gone.mp3", Instant.now().minusSeconds(60)));
        String archivedKey = "tracks-audio/" + user + "/" + trackId + ".mp3";
        byte[] copy = audio(50_000);
        putObject(archivedKey, "audio/mpeg", copy);
        db.sql("UPDATE tracks SET archived_at = now(), archived_audio_key = :key WHERE id = :id")
                .bind("key", archivedKey).bind("id", trackId).then().block();

        URI location = stream(user, trackId).expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(location.getPath()).isEqualTo("/" + BUCKET + "/" + archivedKey);
        assertThat(player.send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                .isEqualTo(copy);
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
    void the_stream_needs_a_token() {
        client().get().uri("/api/v1/tracks/01JZZZZZZZZZZZZZZZZZZZZZZZ/stream").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
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
