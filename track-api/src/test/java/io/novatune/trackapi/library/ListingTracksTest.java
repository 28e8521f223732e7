package io.novatune.trackapi.library;

import tools.jackson.databind.JsonNode;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.track.AddCatalogTrack;
import io.novatune.trackapi.track.CatalogRef;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackLibrary;
import io.novatune.trackapi.track.TrackMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ListingTracksTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    TrackLibrary library;

    @Autowired
    DatabaseClient db;

    @Test
    void the_first_page_shows_the_newest_tracks_and_a_cursor_to_the_next() {
        String user = newUser();
        List<Track> added = add(user, 5, i -> metadata("Track " + i, "Artist", "House"));

        JsonNode page = list(user, uri -> uri.queryParam("limit", 3).build());

        assertThat(ids(page)).containsExactly(added.get(4).id(), added.get(3).id(), added.get(2).id());
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        JsonNode next = list(user, uri -> uri.queryParam("limit", 3).queryParam("cursor", page.get("nextCursor").asText()).build());
        assertThat(ids(next)).containsExactly(added.get(1).id(), added.get(0).id());
        assertThat(next.get("hasMore").asBoolean()).isFalse();
        assertThat(next.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void search_matches_word_prefixes_in_title_artist_and_album() {
        String user = newUser();
        add(user, 1, i -> new TrackMetadata("One More Time", "Daft Punk", "Discovery", null, null, null, null, 320000L));
        add(user, 1, i -> new TrackMetadata("Windowlicker", "Aphex Twin", null, null, null, null, null, 366000L));

        assertThat(titles(list(user, uri -> uri.queryParam("search", "daft pu").build()))).containsExactly("One More Time");
        assertThat(titles(list(user, uri -> uri.queryParam("search", "DISCO").build()))).containsExactly("One More Time");
        assertThat(titles(list(user, uri -> uri.queryParam("search", "twin window").build()))).containsExactly("Windowlicker");
        assertThat(titles(list(user, uri -> uri.queryParam("search", "daft & | ! :*'").build()))).containsExactly("One More Time");
        assertThat(titles(list(user, uri -> uri.queryParam("search", "nothing").build()))).isEmpty();
    }

    @Test
    void filters_and_orderings_apply_to_the_callers_tracks_only() {
        String user = newUser();
        add(user, 1, i -> metadata("b side", "Moodymann", "Deep House"));
        add(user, 1, i -> metadata("A side", "Moodymann", "Techno"));
        add(user, 1, i -> metadata("c side", "Theo Parrish", "Deep House"));
        add(newUser(), 1, i -> metadata("someone else's", "Moodymann", "Deep House"));

        assertThat(titles(list(user, uri -> uri.queryParam("artist", "moodymann").queryParam("sortBy", "title").build())))
                .containsExactly("A side", "b side");
        assertThat(titles(list(user, uri -> uri.queryParam("genre", "deep house").queryParam("sortBy", "title")
                .queryParam("sortOrder", "desc").build())))
                .containsExactly("c side", "b side");
        assertThat(titles(list(user, uri -> uri.queryParam("source", "CATALOG").queryParam("sortBy", "artist").build())))
                .hasSize(3);
        assertThat(titles(list(user, uri -> uri.queryParam("source", "UPLOAD").build()))).isEmpty();
    }

    @Test
    void deleted_tracks_leave_the_library_and_appear_only_in_the_trash_with_their_restore_deadline() {
        String user = newUser();
        List<Track> added = add(user, 3, i -> metadata("Track " + i, "Artist", null));
        http.delete().uri("/api/v1/tracks/{id}", added.get(1).id())
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isAccepted();

        assertThat(ids(list(user, uri -> uri.build()))).containsExactly(added.get(2).id(), added.get(0).id());
        JsonNode trash = list(user, uri -> uri.queryParam("status", "DELETED").build());
        assertThat(ids(trash)).containsExactly(added.get(1).id());
        assertThat(trash.get("items").get(0).get("status").asText()).isEqualTo("DELETED");
        assertThat(trash.get("items").get(0).get("restoreUntil").asText()).isNotBlank();
    }

    @Test
    void bad_parameters_and_forged_cursors_answer_400_problems() {
        String user = newUser();
        add(user, 3, i -> metadata("Track " + i, "Artist", null));
        String cursor = list(user, uri -> uri.queryParam("limit", 1).build()).get("nextCursor").asText();

        problem(user, uri -> uri.queryParam("limit", 0).build()).get("errors").forEach(error ->
                assertThat(error.get("field").asText()).isEqualTo("limit"));
        assertThat(problem(user, uri -> uri.queryParam("limit", 101).build()).get("errors")).hasSize(1);
        assertThat(problem(user, uri -> uri.queryParam("sortBy", "price").build()).get("errors").get(0).get("field").asText())
                .isEqualTo("sortBy");
        assertThat(problem(user, uri -> uri.queryParam("cursor", "garbage").build()).get("type").asText())
                .endsWith("/invalid-cursor");
        String tampered = cursor.substring(0, cursor.indexOf('.') - 2) + "xx" + cursor.substring(cursor.indexOf('.'));
        assertThat(problem(user, uri -> uri.queryParam("cursor", tampered).build()).get("type").asText())
                .endsWith("/invalid-cursor");
        assertThat(problem(user, uri -> uri.queryParam("cursor", cursor).queryParam("sortBy", "title").build())
                .get("type").asText()).endsWith("/invalid-cursor");
    }

    @Test
    void paging_through_a_thousand_tracks_while_others_come_and_go_shows_each_lasting_track_exactly_once() {
        String user = newUser();
        Set<String> lasting = new HashSet<>(add(user, 1000, i -> metadata("Lasting " + i, "Artist", null))
                .stream().map(Track::id).toList());
        List<String> transient_ = new ArrayList<>(add(user, 100, i -> metadata("Transient " + i, "Artist", null))
                .stream().map(Track::id).toList());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            JsonNode page = list(user, uri -> {
                uri.queryParam("limit", 37);
                return after == null ? uri.build() : uri.queryParam("cursor", after).build();
            });
            seen.addAll(ids(page));
            cursor = page.get("hasMore").asBoolean() ? page.get("nextCursor").asText() : null;
            // Between pages, other clients add tracks and delete some of the transient ones.
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> add(user, 5, i -> metadata("Inserted meanwhile", "Artist", null))),
                    CompletableFuture.runAsync(() -> deleteSome(transient_))).join();
            pages++;
        } while (cursor != null);

        assertThat(pages).isGreaterThan(27);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(lasting);
    }

    private void deleteSome(List<String> transientIds) {
        synchronized (transientIds) {
            for (int i = 0; i < 3 && !transientIds.isEmpty(); i++) {
                String id = transientIds.remove(transientIds.size() - 1);
                db.sql("UPDATE tracks SET status = 'DELETED', status_before_deletion = status, deleted_at = now(), "
                        + "scheduled_deletion_at = now() + interval '30 days' WHERE id = :id").bind("id", id).then().block();
            }
        }
    }

    private List<Track> add(String user, int count, Function<Integer, TrackMetadata> metadata) {
        // In order, so that creation times follow the index; batches of 16 in flight keep it fast.
        return Flux.fromStream(IntStream.range(0, count).boxed())
                .flatMapSequential(i -> library.addCatalogTrack(
                        new AddCatalogTrack(user, metadata.apply(i), new CatalogRef("spotify", "id" + i)), null), 16)
                .collectList()
                .block();
    }

    private static TrackMetadata metadata(String title, String artist, String genre) {
        return new TrackMetadata(title, artist, null, null, genre, null, null, 300_000L);
    }

    private JsonNode list(String user, Function<UriBuilder, URI> query) {
        return http.get().uri(uri -> query.apply(uri.path("/api/v1/tracks")))
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode problem(String user, Function<UriBuilder, URI> query) {
        return http.get().uri(uri -> query.apply(uri.path("/api/v1/tracks")))
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    private static String newUser() {
        return "lister-" + UUID.randomUUID();
    }
}
