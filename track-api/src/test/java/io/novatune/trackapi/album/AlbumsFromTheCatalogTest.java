package io.novatune.trackapi.album;

import io.novatune.events.AlbumAdded;
import io.novatune.events.Topics;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.infra.standin.CatalogFault;
import io.novatune.infra.standin.RecordedAlbum;
import io.novatune.infra.standin.TidalStandIn;
import io.novatune.trackapi.LibraryIntegrationTest;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TopicRecorder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Albums added by their TIDAL id alone, against the TIDAL stand-in (a real HTTP server in TIDAL's formats). */
class AlbumsFromTheCatalogTest extends LibraryIntegrationTest {

    /** Recorded: Radiohead's OK Computer, 12 tracks. */
    private static final String OK_COMPUTER = "70001001";
    /** Recorded: Massive Attack's Mezzanine, whose last track has no ISRC in the catalog. */
    private static final String MEZZANINE = "70002001";

    private final TidalStandIn tidal = SharedInfrastructure.tidal();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureListingLogs() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(AlbumListings.class)).addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(AlbumListings.class)).detachAppender(logged);
    }

    @Test
    void an_album_added_by_its_tidal_id_alone_gets_its_12_tracks_with_their_isrcs_and_one_AlbumAdded() throws Exception {
        String user = newUser();
        try (TopicRecorder trackAdded = new TopicRecorder(kafka(), Topics.TRACK_ADDED)) {
            Map<String, Object> album = add(user, byReference(OK_COMPUTER)).expectStatus().isCreated()
                    .expectBody(JSON).returnResult().getResponseBody();

            assertThat(album).containsEntry("title", "OK Computer").containsEntry("artist", "Radiohead")
                    .containsEntry("listingStatus", "AVAILABLE").containsEntry("catalogRef", Map.of("service", "tidal", "id", OK_COMPUTER))
                    .doesNotContainKey("listing");
            List<Map<String, Object>> tracks = tracksOf(album);
            assertThat(tracks).hasSize(12);
            assertThat(tracks).extracting(track -> track.get("trackNumber")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(tracks.get(1)).containsEntry("title", "Paranoid Android").containsEntry("artist", "Radiohead")
                    .containsEntry("isrc", "QZNTA9700002").containsEntry("durationMs", 383_000);
            assertThat(tracks).allSatisfy(track -> assertThat((String) track.get("isrc")).matches("QZNTA97000\\d\\d"));
            // The configured country, on every catalog request.
            assertThat(tidal.albumRequests(OK_COMPUTER)).last().satisfies(request -> assertThat(request.countryCode()).isEqualTo("NO"));

            String albumId = (String) album.get("id");
            AlbumAdded event = awaitAlbumAdded(trackAdded, user, albumId);
            assertThat(event.getTitle()).isEqualTo("OK Computer");
            assertThat(event.getTracks()).hasSize(12);
            assertThat(event.getTracks()).extracting(track -> track.getIsrc())
                    .containsExactlyElementsOf(tracks.stream().map(track -> (String) track.get("isrc")).toList());
            assertThat(event.getTracks()).extracting(track -> track.getTrackId())
                    .containsExactlyElementsOf(tracks.stream().map(track -> (String) track.get("id")).toList());

            // Each is a catalog track of the library, with its own catalog reference.
            client().get().uri("/api/v1/tracks/{id}", tracks.get(0).get("id"))
                    .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                    .exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.source").isEqualTo("CATALOG")
                    .jsonPath("$.album").isEqualTo("OK Computer")
                    .jsonPath("$.catalogRef.service").isEqualTo("tidal")
                    .jsonPath("$.catalogRef.id").isEqualTo("70001002");
        }
    }

    @Test
    void a_25_track_album_is_fetched_in_two_batches_of_20_and_5_from_a_catalog_that_refuses_more_than_20() {
        RecordedAlbum album = albumOf(25);
        tidal.add(album);

        Map<String, Object> added = add(newUser(), byReference(album.id())).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(added).containsEntry("listingStatus", "AVAILABLE");
        assertThat(tracksOf(added)).hasSize(25);
        assertThat(tracksOf(added)).extracting(track -> track.get("title")).startsWith("Part 1", "Part 2").endsWith("Part 25");
        assertThat(tidal.trackBatchSizes(album.id())).containsExactly(20, 5);
        // The items came in two pages (20 + 5) too, along links.next.
        assertThat(tidal.requests()).filteredOn(request -> request.path().equals("/v2/albums/" + album.id() + "/relationships/items"))
                .hasSize(2);
    }

    @Test
    void a_track_the_catalog_has_no_isrc_for_is_kept_with_isrc_null() {
        Map<String, Object> added = add(newUser(), byReference(MEZZANINE)).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        List<Map<String, Object>> tracks = tracksOf(added);
        assertThat(tracks).hasSize(11);
        assertThat(tracks.get(10)).containsEntry("title", "(Exchange)").doesNotContainKey("isrc");
        assertThat(tracks.subList(0, 10)).allSatisfy(track -> assertThat(track).containsKey("isrc"));
    }

    @Test
    void a_listing_outage_saves_the_album_unavailable_logs_the_error_and_a_later_refresh_schedules_the_tracks()
            throws Exception {
        RecordedAlbum album = albumOf(3);
        tidal.add(album);
        tidal.failAlways(album.id(), CatalogFault.unavailable());
        String user = newUser();
        try (TopicRecorder trackAdded = new TopicRecorder(kafka(), Topics.TRACK_ADDED)) {
            Map<String, Object> added = add(user, """
                    {"catalogRef": {"service": "tidal", "id": "%s"}, "title": "My title for it"}
                    """.formatted(album.id())).expectStatus().isCreated()
                    .expectBody(JSON).returnResult().getResponseBody();

            // Fail-open: the album is in the library, without its tracks for now.
            String albumId = (String) added.get("id");
            assertThat(added).containsEntry("listingStatus", "UNAVAILABLE").containsEntry("title", "My title for it")
                    .doesNotContainKey("artist");
            assertThat(tracksOf(added)).isEmpty();
            Map<String, Object> listing = listingOf(added);
            assertThat(listing).containsEntry("attempts", 1);
            assertThat((String) listing.get("lastError")).contains("503");
            assertThat(Instant.parse((String) listing.get("nextAttemptAt"))).isCloseTo(Instant.now().plusSeconds(60), within(Duration.ofSeconds(20)));
            assertThat(get(user, albumId).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody()).isEqualTo(added);
            assertThat(listingErrors()).anySatisfy(line -> {
                assertThat(line).containsEntry("albumId", albumId).containsEntry("service", "tidal");
                assertThat((String) line.get("error")).contains("503");
            });

            // Still down: the next attempt waits twice as long.
            Map<String, Object> stillDown = refresh(user, albumId).expectStatus().isAccepted()
                    .expectBody(JSON).returnResult().getResponseBody();
            assertThat(stillDown).containsEntry("listingStatus", "UNAVAILABLE");
            assertThat(listingOf(stillDown)).containsEntry("attempts", 2);
            assertThat(Instant.parse((String) listingOf(stillDown).get("nextAttemptAt")))
                    .isCloseTo(Instant.now().plusSeconds(120), within(Duration.ofSeconds(20)));

            tidal.recover(album.id());
            Map<String, Object> listed = refresh(user, albumId).expectStatus().isAccepted()
                    .expectBody(JSON).returnResult().getResponseBody();

            assertThat(listed).containsEntry("listingStatus", "AVAILABLE").containsEntry("title", "My title for it")
                    .containsEntry("artist", "The Stand-ins").doesNotContainKey("listing");
            assertThat(tracksOf(listed)).hasSize(3);
            AlbumAdded event = awaitAlbumAdded(trackAdded, user, albumId);
            assertThat(event.getTitle()).isEqualTo("My title for it");
            assertThat(event.getTracks()).extracting(track -> track.getIsrc())
                    .containsExactlyElementsOf(tracksOf(listed).stream().map(track -> (String) track.get("isrc")).toList());

            // Once listed, there is nothing to refresh, and nothing more is published.
            refresh(user, albumId).expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/album-listing-available");
            String marker = addCatalogTrack(user);
            await().atMost(Duration.ofSeconds(60)).until(() -> trackAdded.keys().contains(marker));
            assertThat(trackAdded.records()).filteredOn(record -> albumId.equals(record.key())).hasSize(1);
        }
    }

    @Test
    void the_due_timer_fetches_an_unavailable_listing_and_publishes_its_tracks() throws Exception {
        RecordedAlbum album = albumOf(4);
        tidal.add(album);
        tidal.failAlways(album.id(), CatalogFault.unavailable());
        String user = newUser();
        try (TopicRecorder trackAdded = new TopicRecorder(kafka(), Topics.TRACK_ADDED)) {
            String albumId = (String) add(user, byReference(album.id())).expectStatus().isCreated()
                    .expectBody(JSON).returnResult().getResponseBody().get("id");
            tidal.recover(album.id());

            // Due now rather than in a minute: the sweeper (every 5 s here) fetches it.
            db.sql("UPDATE albums SET listing_due_at = now() WHERE id = :id").bind("id", albumId).then().block();

            AlbumAdded event = awaitAlbumAdded(trackAdded, user, albumId);
            assertThat(event.getTitle()).isEqualTo(album.album().path("data").path("attributes").path("title").asString());
            assertThat(event.getTracks()).hasSize(4);
            assertThat(get(user, albumId).expectBody(JSON).returnResult().getResponseBody())
                    .containsEntry("listingStatus", "AVAILABLE");
        }
    }

    @Test
    void a_catalog_answering_429_is_asked_again_after_its_Retry_After() {
        RecordedAlbum album = albumOf(2);
        tidal.add(album);
        tidal.failNext(album.id(), 1, CatalogFault.tooManyRequests(Duration.ofSeconds(2)));

        Map<String, Object> added = add(newUser(), byReference(album.id())).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        assertThat(added).containsEntry("listingStatus", "AVAILABLE");
        assertThat(tracksOf(added)).hasSize(2);
        List<TidalStandIn.Request> asked = tidal.albumRequests(album.id());
        assertThat(asked).hasSize(2);
        assertThat(Duration.between(asked.get(0).at(), asked.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void a_Retry_After_longer_than_the_adapter_waits_saves_the_album_unavailable_until_after_it() {
        RecordedAlbum album = albumOf(2);
        tidal.add(album);
        tidal.failNext(album.id(), 1, CatalogFault.tooManyRequests(Duration.ofMinutes(10)));

        Map<String, Object> added = add(newUser(), byReference(album.id())).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();

        // Not waited for in the request (at most 3 s here), not asked again before the catalog said.
        assertThat(added).containsEntry("listingStatus", "UNAVAILABLE");
        assertThat(tidal.albumRequests(album.id())).hasSize(1);
        assertThat(Instant.parse((String) listingOf(added).get("nextAttemptAt")))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(10)), within(Duration.ofSeconds(20)));
        assertThat((String) listingOf(added).get("lastError")).contains("429").contains("Retry-After 600 s");
        assertThat(listingErrors()).anySatisfy(line -> assertThat(line).containsEntry("albumId", added.get("id")));
    }

    @Test
    void an_album_the_catalog_does_not_have_is_refused_with_422_and_nothing_is_added() {
        String user = newUser();
        add(user, byReference("99999999")).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/catalog-album-not-found");
        assertThat(albumRowsOf(user)).isZero();
    }

    @Test
    void a_catalogRef_of_a_service_without_an_adapter_or_a_request_with_neither_listing_nor_catalogRef_is_refused_with_400() {
        String user = newUser();
        add(user, """
                {"catalogRef": {"service": "spotify", "id": "2noRn2Aes5aoNVsU6iWThc"}}
                """).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("catalogRef.service");
        add(user, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<String>) fields).containsExactlyInAnyOrder("title", "artist", "tracks"));
        add(user, """
                {"catalogRef": {"service": "tidal", "id": ""}}
                """).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("catalogRef.id");
        assertThat(albumRowsOf(user)).isZero();
    }

    @Test
    void refreshing_another_users_album_answers_404() {
        String albumId = (String) add(newUser(), byReference(OK_COMPUTER)).expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody().get("id");

        refresh(newUser(), albumId).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://novatune.io/problems/album-not-found");
    }

    private AlbumAdded awaitAlbumAdded(TopicRecorder trackAdded, String user, String albumId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> trackAdded.keys().contains(albumId));
        List<ConsumerRecord<String, SpecificRecord>> records = trackAdded.records().stream()
                .filter(record -> albumId.equals(record.key())).toList();
        assertThat(records).hasSize(1);
        AlbumAdded event = (AlbumAdded) records.get(0).value();
        assertThat(event.getUserId()).isEqualTo(user);
        return event;
    }

    /** An album of {@code tracks} tracks under a fresh id, with fresh ISRCs, as the catalog would answer for it. */
    static RecordedAlbum albumOf(int tracks) {
        long id = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L) * 1000;
        RecordedAlbum.Builder album = RecordedAlbum.builder(Long.toString(id), "Album " + id, "5000", "The Stand-ins");
        for (int number = 1; number <= tracks; number++) {
            album.track(Long.toString(id + number), "Part " + number,
                    "QZNTZ" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)), Duration.ofSeconds(180 + number));
        }
        return album.build();
    }

    private static String byReference(String tidalId) {
        return """
                {"catalogRef": {"service": "tidal", "id": "%s"}}
                """.formatted(tidalId);
    }

    private WebTestClient.ResponseSpec add(String user, String json) {
        return AlbumRequests.add(client(), user, json);
    }

    private WebTestClient.ResponseSpec refresh(String user, String albumId) {
        return AlbumRequests.refresh(client(), user, albumId);
    }

    private WebTestClient.ResponseSpec get(String user, String albumId) {
        return AlbumRequests.get(client(), user, albumId);
    }

    private long albumRowsOf(String user) {
        return db.sql("SELECT count(*) AS n FROM albums WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    /** The key-value pairs of each {@code album_track_listing_error} logged, as a log pipeline sees them. */
    private List<Map<String, Object>> listingErrors() {
        return logged.list.stream()
                .map(event -> event.getKeyValuePairs() == null ? Map.<String, Object>of() : event.getKeyValuePairs().stream()
                        .collect(java.util.stream.Collectors.toMap(pair -> pair.key, pair -> pair.value, (one, other) -> other)))
                .filter(pairs -> AlbumListings.LISTING_ERROR.equals(pairs.get("event")))
                .toList();
    }

    private static List<Map<String, Object>> tracksOf(Map<String, Object> album) {
        return AlbumRequests.tracksOf(album);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listingOf(Map<String, Object> album) {
        return (Map<String, Object>) album.get("listing");
    }
}
