package io.novatune.trackapi.album;

import io.novatune.events.AlbumAdded;
import io.novatune.events.Topics;
import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TopicRecorder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlbumTest extends LibraryIntegrationTest {

    private static final String HOMEWORK = """
            {"title": "Homework", "artist": "Daft Punk", "tracks": [
              {"trackNumber": 2, "title": "Revolution 909", "isrc": "GB-DUW-96-00002", "durationMs": 326000},
              {"trackNumber": 1, "title": "Daftendirekt", "isrc": "GBDUW9600001", "durationMs": 164000},
              {"trackNumber": 3, "title": "Da Funk", "artist": "Daft Punk feat. Nobody", "durationMs": 328000}
            ]}
            """;

    @Test
    void an_album_and_its_tracks_are_added_in_one_go_and_published_as_one_AlbumAdded_with_every_track() throws Exception {
        String user = newUser();
        try (TopicRecorder trackAdded = new TopicRecorder(kafka(), Topics.TRACK_ADDED)) {
            Map<String, Object> album = add(user, HOMEWORK).expectStatus().isCreated()
                    .expectHeader().valueMatches("Location", ".*/api/v1/library/albums/[0-9A-Z]{26}")
                    .expectBody(JSON).returnResult().getResponseBody();
            String albumId = (String) album.get("id");
            List<Map<String, Object>> tracks = tracksOf(album);
            assertThat(tracks).extracting(track -> track.get("trackNumber")).containsExactly(1, 2, 3);
            assertThat(tracks).extracting(track -> track.get("title"))
                    .containsExactly("Daftendirekt", "Revolution 909", "Da Funk");
            assertThat(tracks).extracting(track -> track.get("artist"))
                    .containsExactly("Daft Punk", "Daft Punk", "Daft Punk feat. Nobody");
            assertThat(tracks.get(1)).containsEntry("isrc", "GBDUW9600002");
            List<String> trackIds = tracks.stream().map(track -> (String) track.get("id")).toList();

            // Each is a catalog track of the library, readable like any other.
            for (String trackId : trackIds) {
                client().get().uri("/api/v1/tracks/{id}", trackId)
                        .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                        .exchange().expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.source").isEqualTo("CATALOG")
                        .jsonPath("$.status").isEqualTo("READY")
                        .jsonPath("$.album").isEqualTo("Homework");
            }

            // A track added after the album is relayed after it: once it is seen, the album's events are all in.
            String marker = addCatalogTrack(user);
            await().atMost(Duration.ofSeconds(60)).until(() -> trackAdded.keys().contains(marker));
            List<ConsumerRecord<String, SpecificRecord>> albumRecords = trackAdded.records().stream()
                    .filter(record -> albumId.equals(record.key())).toList();
            assertThat(albumRecords).hasSize(1);
            assertThat(trackAdded.keys()).doesNotContainAnyElementsOf(trackIds);
            AlbumAdded event = (AlbumAdded) albumRecords.get(0).value();
            assertThat(event.getUserId()).isEqualTo(user);
            assertThat(event.getTitle()).isEqualTo("Homework");
            assertThat(event.getArtist()).isEqualTo("Daft Punk");
            assertThat(event.getTracks()).hasSize(3);
            assertThat(event.getTracks()).extracting(track -> track.getTrackId()).containsExactlyElementsOf(trackIds);
            assertThat(event.getTracks()).extracting(track -> track.getTrackNumber()).containsExactly(1, 2, 3);
            assertThat(event.getTracks()).extracting(track -> track.getIsrc())
                    .containsExactly("GBDUW9600001", "GBDUW9600002", null);
            assertThat(event.getOccurredAt().toString()).isEqualTo(album.get("createdAt"));
            assertThat(TopicRecorder.header(albumRecords.get(0), "event-type")).isEqualTo("io.novatune.events.AlbumAdded");
        }
    }

    @Test
    void an_album_reads_back_with_its_tracks_in_album_order_and_only_for_its_owner() {
        String user = newUser();
        Map<String, Object> added = add(user, HOMEWORK).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        Map<String, Object> read = get(user, (String) added.get("id")).expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(read).isEqualTo(added);

        get(newUser(), (String) added.get("id")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/album-not-found");
    }

    @Test
    void an_album_of_200_tracks_is_accepted_and_one_of_201_is_not() {
        String user = newUser();
        Map<String, Object> album = add(user, albumOf(200)).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(tracksOf(album)).hasSize(200);

        add(user, albumOf(201)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tracks");
    }

    @Test
    void an_album_listed_without_track_numbers_is_numbered_in_its_list_order() {
        Map<String, Object> album = add(newUser(), """
                {"title": "Discovery", "artist": "Daft Punk", "tracks": [
                  {"title": "One More Time"}, {"title": "Aerodynamic"}, {"title": "Digital Love"}
                ]}
                """).expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();

        assertThat(tracksOf(album)).extracting(track -> track.get("trackNumber")).containsExactly(1, 2, 3);
        assertThat(tracksOf(album)).extracting(track -> track.get("title"))
                .containsExactly("One More Time", "Aerodynamic", "Digital Love");
    }

    @Test
    void an_invalid_album_is_refused_with_400_naming_each_field_and_nothing_is_added() {
        String user = newUser();
        add(user, """
                {"title": "", "artist": "Daft Punk", "tracks": [
                  {"trackNumber": 1, "title": "One", "isrc": "nope"},
                  {"trackNumber": 1, "title": "", "durationMs": -5},
                  {"title": "No number"}
                ]}
                """).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://novatune.io/problems/validation-failed")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).containsExactlyInAnyOrder(
                        "title", "tracks[0].isrc", "tracks[1].title", "tracks[1].durationMs", "trackNumberedAllOrNone",
                        "trackNumbersUnique"));
        add(user, """
                {"title": "Empty", "artist": "Nobody", "tracks": []}
                """).expectStatus().isBadRequest();

        assertThat(trackRowsOf(user)).isZero();
    }

    @Test
    void adding_an_album_needs_a_token() {
        client().post().uri("/api/v1/library/albums").contentType(MediaType.APPLICATION_JSON).bodyValue(HOMEWORK)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec add(String user, String json) {
        return AlbumRequests.add(client(), user, json);
    }

    private WebTestClient.ResponseSpec get(String user, String albumId) {
        return AlbumRequests.get(client(), user, albumId);
    }

    private static List<Map<String, Object>> tracksOf(Map<String, Object> album) {
        return AlbumRequests.tracksOf(album);
    }

    private static String albumOf(int tracks) {
        return """
                {"title": "Box set", "artist": "Various", "tracks": [%s]}
                """.formatted(IntStream.rangeClosed(1, tracks)
                .mapToObj(number -> "{\"trackNumber\": %d, \"title\": \"Track %d\"}".formatted(number, number))
                .collect(Collectors.joining(",")));
    }
}
