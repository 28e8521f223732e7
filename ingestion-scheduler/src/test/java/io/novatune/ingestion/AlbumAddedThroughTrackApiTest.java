package io.novatune.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.novatune.events.Topics;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.infra.standin.CatalogFault;
import io.novatune.infra.standin.RecordedAlbum;
import io.novatune.infra.standin.TidalStandIn;
import io.novatune.testsupport.trackapi.TrackApiJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * End to end: an album added to the real track-api by its TIDAL id alone (listed by the TIDAL stand-in), its
 * {@code AlbumAdded} through the outbox relay, this service, {@code ingestion-requested}.
 */
class AlbumAddedThroughTrackApiTest extends IngestionIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TidalStandIn TIDAL = SharedInfrastructure.tidal();
    private static TrackApiJar trackApi;

    @BeforeAll
    static void startTrackApi() {
        trackApi = TrackApiJar.start(TrackApiJar.Settings.of(
                        "tracks_albums_ingestion_it", "tracks-albums-ingestion-it", "albums-it-secret-albums-it-secret-0123456789abcdef")
                .with("NOVATUNE_CATALOG_TIDAL_API_URL", TIDAL.apiUrl().toString())
                .with("NOVATUNE_CATALOG_TIDAL_TOKEN_URL", TIDAL.tokenUrl().toString())
                .with("NOVATUNE_CATALOG_TIDAL_CLIENT_ID", TidalStandIn.CLIENT_ID)
                .with("NOVATUNE_CATALOG_TIDAL_CLIENT_SECRET", TidalStandIn.CLIENT_SECRET)
                .with("NOVATUNE_CATALOG_TIDAL_RETRY_WAIT", "50ms"));
    }

    @AfterAll
    static void stopTrackApi() {
        if (trackApi != null) {
            trackApi.close();
        }
    }

    @Test
    void an_album_added_by_its_catalog_id_has_each_track_with_a_new_isrc_requested_exactly_once() throws Exception {
        List<String> isrcs = new ArrayList<>();
        RecordedAlbum album = albumOf(12, isrcs);
        TIDAL.add(album);

        String user = "user-" + UUID.randomUUID();
        HttpResponse<String> added = trackApi.post("/api/v1/library/albums", user, byReference(album));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(added.body());
        assertThat(body.path("tracks").size()).isEqualTo(12);

        // Track 12 has no ISRC in the catalog: skipped (missing_isrc), the 11 others requested.
        await().atMost(Duration.ofSeconds(90)).until(() -> isrcs.stream().allMatch(isrc -> requestsFor(isrc).size() == 1));
        // The same album again, by another user: nothing new to index, nothing requested twice.
        HttpResponse<String> again = trackApi.post("/api/v1/library/albums", "user-" + UUID.randomUUID(), byReference(album));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        String albumAgain = JSON.readTree(again.body()).path("id").asString();
        await().atMost(Duration.ofSeconds(90)).until(() -> !kafka.records(Topics.TRACK_ADDED, albumAgain).isEmpty());
        awaitIdle();

        assertThat(isrcs).hasSize(11).allSatisfy(isrc -> assertThat(requestsFor(isrc)).singleElement().satisfies(request -> {
            assertThat(request.getAlbum()).isEqualTo(album.album().path("data").path("attributes").path("title").asString());
            assertThat(request.getUserId()).isEqualTo(user);
        }));
        List<String> trackIds = body.path("tracks").valueStream().map(track -> track.path("id").asString()).toList();
        assertThat(isrcs).allSatisfy(isrc -> assertThat(trackIds).contains(requestsFor(isrc).get(0).getTrackId()));
    }

    @Test
    void an_album_added_during_a_catalog_outage_has_its_tracks_requested_once_its_listing_is_refreshed() throws Exception {
        List<String> isrcs = new ArrayList<>();
        RecordedAlbum album = albumOf(3, isrcs);
        TIDAL.add(album);
        TIDAL.failAlways(album.id(), CatalogFault.unavailable());
        String user = "user-" + UUID.randomUUID();

        HttpResponse<String> added = trackApi.post("/api/v1/library/albums", user, byReference(album));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(added.body());
        assertThat(body.path("listingStatus").asString()).isEqualTo("UNAVAILABLE");
        awaitIdle();
        assertThat(isrcs).allSatisfy(isrc -> assertThat(requestsFor(isrc)).isEmpty());

        TIDAL.recover(album.id());
        HttpResponse<String> refreshed = trackApi.post("/api/v1/library/albums/" + body.path("id").asString()
                + "/refresh-listing", user, "");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(202);
        assertThat(JSON.readTree(refreshed.body()).path("listingStatus").asString()).isEqualTo("AVAILABLE");

        await().atMost(Duration.ofSeconds(90)).until(() -> isrcs.stream().allMatch(isrc -> requestsFor(isrc).size() == 1));
        awaitIdle();
        assertThat(isrcs).allSatisfy(isrc -> assertThat(requestsFor(isrc)).hasSize(1));
    }

    /** An album under a fresh TIDAL id whose tracks have ISRCs never seen before, but the 12th, which has none. */
    private static RecordedAlbum albumOf(int tracks, List<String> isrcs) {
        long id = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L) * 1000;
        RecordedAlbum.Builder album = RecordedAlbum.builder(Long.toString(id), "Album " + id, "6000", "Ingestion Ensemble");
        for (int number = 1; number <= tracks; number++) {
            String isrc = number == 12 ? null : TestEvents.randomIsrc();
            if (isrc != null) {
                isrcs.add(isrc);
            }
            album.track(Long.toString(id + number), "Movement " + number, isrc, Duration.ofSeconds(200 + number));
        }
        return album.build();
    }

    private static String byReference(RecordedAlbum album) {
        return """
                {"catalogRef": {"service": "tidal", "id": "%s"}}
                """.formatted(album.id());
    }
}
