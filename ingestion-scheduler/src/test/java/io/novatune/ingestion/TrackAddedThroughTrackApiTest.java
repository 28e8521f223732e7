package io.novatune.ingestion;

import io.novatune.events.Topics;
import io.novatune.testsupport.trackapi.TrackApiJar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End to end: HTTP into the real track-api, its outbox relay to track-added, this service, ingestion-requested. */
class TrackAddedThroughTrackApiTest extends IngestionIntegrationTest {

    private static TrackApiJar trackApi;

    @BeforeAll
    static void startTrackApi() throws Exception {
        trackApi = TrackApiJar.start(TrackApiJar.Settings.of(
                "tracks_ingestion_it", "tracks-ingestion-it", "ingestion-it-secret-ingestion-it-secret-0123456789"));
    }

    @AfterAll
    static void stopTrackApi() throws Exception {
        if (trackApi != null) {
            trackApi.close();
        }
    }

    @Test
    void a_track_added_through_track_api_is_requested_for_ingestion_once_under_its_normalised_isrc() throws Exception {
        String isrc = TestEvents.randomIsrc();
        String asTyped = (isrc.substring(0, 2) + "-" + isrc.substring(2, 5) + "-" + isrc.substring(5, 7) + "-"
                + isrc.substring(7)).toLowerCase();
        String userId = "user-" + UUID.randomUUID();

        HttpResponse<String> created = trackApi.post("/api/v1/tracks", userId, """
                {"title": "Windowlicker", "artist": "Aphex Twin", "album": "Windowlicker EP", "isrc": "%s",
                 "durationMs": 367000, "catalogRef": {"service": "spotify", "id": "6fY7cLz5oD0qZ8pSTc9bQ7"}}
                """.formatted(asTyped));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode track = new ObjectMapper().readTree(created.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> requestsFor(isrc).size() == 1);
        awaitIdle();
        assertThat(requestsFor(isrc)).singleElement().satisfies(request -> {
            assertThat(request.getTrackId()).isEqualTo(track.path("id").asText());
            assertThat(request.getUserId()).isEqualTo(userId);
            assertThat(request.getTitle()).isEqualTo("Windowlicker");
            assertThat(request.getArtist()).isEqualTo("Aphex Twin");
            assertThat(request.getAlbum()).isEqualTo("Windowlicker EP");
            assertThat(request.getDurationMs()).isEqualTo(367_000L);
        });
        assertThat(kafka.records(Topics.INGESTION_REQUESTED, isrc)).hasSize(1);
    }
}
