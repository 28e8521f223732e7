package io.novatune.discovery.wantlist;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.catalog.CatalogFixture;
import io.novatune.discovery.catalog.CatalogStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;

class WantListApiTest extends DiscoveryIntegrationTest {

    @Autowired
    WantListStore wantListStore;

    private final String user = "user-" + UUID.randomUUID();
    private CatalogFixture fixture;
    private String mix;

    @BeforeEach
    void fixture() {
        fixture = new CatalogFixture(db, store, user);
        mix = fixture.tracklist("Warehouse", "MIX", 5);
    }

    @Test
    void adding_a_track_answers_201_with_priority_3_and_adding_it_again_raises_its_priority_only_when_higher() {
        String track = discovered("Hot Chip", "Flutes");

        JsonNode created = post("/api/v1/want-list", Map.of("trackId", track, "notes", "B2B opener", "sourceTracklistId", mix))
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/want-list/"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = created.at("/id").asString();
        assertThat(created.at("/priority").asInt()).isEqualTo(3);
        assertThat(created.at("/status").asString()).isEqualTo("wanted");
        assertThat(created.at("/trackId").asString()).isEqualTo(track);
        assertThat(created.at("/artist").asString()).isEqualTo("Hot Chip");
        assertThat(created.at("/notes").asString()).isEqualTo("B2B opener");
        assertThat(created.at("/sourceTracklistId").asString()).isEqualTo(mix);

        JsonNode raised = post("/api/v1/want-list", Map.of("trackId", track, "priority", 5)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(raised.at("/id").asString()).isEqualTo(id);
        assertThat(raised.at("/priority").asInt()).isEqualTo(5);
        JsonNode kept = post("/api/v1/want-list", Map.of("trackId", track, "priority", 2)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(kept.at("/id").asString()).isEqualTo(id);
        assertThat(kept.at("/priority").asInt()).as("a lower priority does not lower it").isEqualTo(5);
        assertThat(kept.at("/notes").asString()).isEqualTo("B2B opener");
        assertThat(ids("/api/v1/want-list")).containsExactly(id);
    }

    @Test
    void an_entry_is_patched_and_deleted() {
        String id = add(discovered("Floating Points", "LesAlpx"), 2);

        JsonNode patched = patch("/api/v1/want-list/" + id, Map.of("status", "purchased", "purchaseDate", "2026-11-30",
                "priority", 4, "notes", "bought on vinyl")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(patched.at("/status").asString()).isEqualTo("purchased");
        assertThat(LocalDate.parse(patched.at("/purchaseDate").asString())).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(patched.at("/purchasedAt").isMissingNode()).isFalse();
        assertThat(patched.at("/priority").asInt()).isEqualTo(4);
        assertThat(patched.at("/notes").asString()).isEqualTo("bought on vinyl");

        // A field left out stays as it is; an entry no longer purchased has no purchase time.
        JsonNode again = patch("/api/v1/want-list/" + id, Map.of("status", "unavailable")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.at("/status").asString()).isEqualTo("unavailable");
        assertThat(again.at("/purchasedAt").isMissingNode()).as("purchasedAt of an unavailable entry").isTrue();
        assertThat(again.at("/purchaseDate").asString()).as("the date the user gave stays").isEqualTo("2026-11-30");
        assertThat(again.at("/priority").asInt()).isEqualTo(4);
        assertThat(again.at("/notes").asString()).isEqualTo("bought on vinyl");
        get("/api/v1/want-list/" + id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("unavailable");

        http.delete().uri("/api/v1/want-list/" + id).headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isNoContent();
        get("/api/v1/want-list/" + id).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/api/v1/want-list/" + id).headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isNotFound();
        patch("/api/v1/want-list/" + id, Map.of("priority", 1)).expectStatus().isNotFound();
    }

    @Test
    void a_merge_patch_with_null_clears_the_notes_and_the_purchase_date_and_one_without_them_keeps_them() {
        String id = add(discovered("Caribou", "Sun"), 3);
        patch("/api/v1/want-list/" + id, Map.of("notes", "ask the shop", "purchaseDate", "2026-12-01")).expectStatus().isOk();

        JsonNode kept = mergePatch(id, "{\"priority\": 4}");
        assertThat(kept.at("/notes").asString()).isEqualTo("ask the shop");
        assertThat(kept.at("/purchaseDate").asString()).isEqualTo("2026-12-01");

        JsonNode cleared = mergePatch(id, "{\"notes\": null, \"purchaseDate\": null}");
        assertThat(cleared.at("/notes").isMissingNode()).as("notes").isTrue();
        assertThat(cleared.at("/purchaseDate").isMissingNode()).as("purchaseDate").isTrue();
        assertThat(cleared.at("/priority").asInt()).isEqualTo(4);
        badRequest(http.patch().uri("/api/v1/want-list/" + id).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue("{\"notes\": \"" + "x".repeat(2001) + "\"}").exchange(), "notes");
    }

    private JsonNode mergePatch(String id, String json) {
        return http.patch().uri("/api/v1/want-list/" + id).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.parseMediaType("application/merge-patch+json")).bodyValue(json).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void the_list_filters_by_status_priority_and_added_after_and_pages_newest_first_with_a_cursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(add(discovered("Artist " + i, "Title " + i), i + 1));
        }
        patch("/api/v1/want-list/" + ids.get(1), Map.of("status", "purchased")).expectStatus().isOk();
        patch("/api/v1/want-list/" + ids.get(3), Map.of("status", "purchased")).expectStatus().isOk();
        Instant cut = Instant.now().minus(1, ChronoUnit.DAYS);
        db.sql("UPDATE want_list_entries SET added_at = :at WHERE id = :id")
                .bind("at", CatalogStore.offset(cut.minus(1, ChronoUnit.DAYS))).bind("id", ids.get(0)).then().block();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/want-list?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            page.at("/items").forEach(item -> seen.add(item.at("/id").asString()));
            cursor = page.at("/hasMore").asBoolean() ? page.at("/nextCursor").asString() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));

        assertThat(ids("/api/v1/want-list?status=purchased")).containsExactly(ids.get(3), ids.get(1));
        assertThat(ids("/api/v1/want-list?status=wanted")).containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(ids("/api/v1/want-list?priority=3")).containsExactly(ids.get(2));
        assertThat(ids("/api/v1/want-list?status=wanted&addedAfter=" + cut)).containsExactly(ids.get(4), ids.get(2));
        get("/api/v1/want-list?cursor=bm9wZQ").expectStatus().isBadRequest();
    }

    @Test
    void bad_input_is_a_bad_request_naming_the_field() {
        String track = discovered("Bicep", "Glue");
        badRequest(post("/api/v1/want-list", Map.of("trackId", track, "priority", 0)), "priority");
        badRequest(post("/api/v1/want-list", Map.of("trackId", track, "priority", 6)), "priority");
        badRequest(post("/api/v1/want-list", Map.of("priority", 3)), "trackId");
        String id = add(track, 3);
        badRequest(patch("/api/v1/want-list/" + id, Map.of("status", "bought")), "status");
        badRequest(patch("/api/v1/want-list/" + id, Map.of("priority", 6)), "priority");
        badRequest(get("/api/v1/want-list?status=bought"), "status");
        badRequest(get("/api/v1/want-list?priority=0"), "priority");
        badRequest(post("/api/v1/want-list/bulk", Map.of("action", "merge", "ids", List.of(id))), "action");
        badRequest(post("/api/v1/want-list/bulk", Map.of("action", "set-status", "ids", List.of(id), "status", "gone")),
                "status");
        badRequest(post("/api/v1/want-list/bulk", Map.of("action", "set-status", "ids", List.of(id))), "status");
        badRequest(post("/api/v1/want-list/bulk", Map.of("action", "delete", "ids", List.of())), "ids");
        badRequest(post("/api/v1/want-list/bulk", Map.of("action", "add-tracklist")), "tracklistId");

        // An unknown track is not found, as documented; so is an unknown source tracklist.
        post("/api/v1/want-list", Map.of("trackId", "01ARZ3NDEKTSV4RRFFQ69G5FAV")).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/v1/want-list", Map.of("trackId", track, "sourceTracklistId", "01ARZ3NDEKTSV4RRFFQ69G5FAV"))
                .expectStatus().isNotFound();
        get("/api/v1/want-list/" + id).expectStatus().isOk().expectBody().jsonPath("$.priority").isEqualTo(3);
    }

    @Test
    void bulk_adds_the_identified_tracks_of_a_tracklist_sets_the_status_of_many_and_deletes_many() {
        String first = fixture.discover(track("Artist 1", "Sure", null, null, null, null, null, null), mix, 1, "STRONG",
                Instant.now());
        String second = fixture.discover(track("Artist 2", "Fair", null, null, null, null, null, null), mix, 2, "MEDIUM",
                Instant.now());
        String guess = fixture.discover(track("Artist 3", "Guess", null, null, null, null, null, null), mix, 3,
                "PROVISIONAL", Instant.now());
        String already = add(second, 5);

        JsonNode added = post("/api/v1/want-list/bulk", Map.of("action", "add-tracklist", "tracklistId", mix, "priority", 4))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(added.at("/added").asInt()).as("the provisional match and the entry already there are left").isEqualTo(1);
        List<JsonNode> entries = entries("/api/v1/want-list?limit=100");
        assertThat(entries).extracting(entry -> entry.at("/trackId").asString()).containsExactlyInAnyOrder(first, second);
        assertThat(entries).filteredOn(entry -> entry.at("/trackId").asString().equals(first)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.at("/priority").asInt()).isEqualTo(4);
                    assertThat(entry.at("/sourceTracklistId").asString()).isEqualTo(mix);
                });
        assertThat(guess).isNotNull();
        List<String> ids = entries.stream().map(entry -> entry.at("/id").asString()).toList();

        JsonNode updated = post("/api/v1/want-list/bulk", Map.of("action", "set-status", "ids", ids, "status", "unavailable"))
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(updated.at("/updated").asInt()).isEqualTo(2);
        assertThat(ids("/api/v1/want-list?status=unavailable")).containsExactlyInAnyOrderElementsOf(ids);
        post("/api/v1/want-list/bulk", Map.of("action", "set-status", "ids", ids, "status", "purchased")).expectStatus().isOk();
        assertThat(entries("/api/v1/want-list")).allSatisfy(entry -> assertThat(entry.at("/purchasedAt").isMissingNode()).isFalse());
        post("/api/v1/want-list/bulk", Map.of("action", "set-status", "ids", ids, "status", "wanted")).expectStatus().isOk();
        assertThat(entries("/api/v1/want-list")).allSatisfy(entry -> assertThat(entry.at("/purchasedAt").isMissingNode())
                .as("purchasedAt of a wanted entry").isTrue());

        // One id that is not an entry of the user: 404, and nothing of the request is done.
        post("/api/v1/want-list/bulk", Map.of("action", "delete", "ids", List.of(already, "01ARZ3NDEKTSV4RRFFQ69G5FAV")))
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("01ARZ3NDEKTSV4RRFFQ69G5FAV"));
        assertThat(ids("/api/v1/want-list")).hasSize(2);

        JsonNode deleted = post("/api/v1/want-list/bulk", Map.of("action", "delete", "ids", ids)).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(deleted.at("/deleted").asInt()).isEqualTo(2);
        assertThat(ids("/api/v1/want-list")).isEmpty();
    }

    @Test
    void two_tracklists_added_in_bulk_in_the_same_millisecond_get_entries_of_their_own() {
        String other = fixture.tracklist("Other", "MIX", 3);
        for (int i = 1; i <= 3; i++) {
            fixture.discover(track("Left " + i, "Song", null, null, null, null, null, null), mix, i, "STRONG", Instant.now());
            fixture.discover(track("Right " + i, "Song", null, null, null, null, null, null), other, i, "STRONG", Instant.now());
        }
        // Both statements are made before either runs, as two requests arriving together would make them.
        Instant now = Instant.now();
        var left = wantListStore.addTracklist(user, mix, 3, now);
        var right = wantListStore.addTracklist(user, other, 3, now);
        assertThat(left.concatWith(right).collectList().block()).containsExactly(3L, 3L);
        assertThat(ids("/api/v1/want-list?limit=100")).hasSize(6).doesNotHaveDuplicates();
    }

    private static void badRequest(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains(field));
    }

    private String discovered(String artist, String title) {
        return fixture.discover(track(artist, title, null, null, null, null, null, null), mix, 1, "STRONG", Instant.now());
    }

    private String add(String trackId, int priority) {
        return post("/api/v1/want-list", Map.of("trackId", trackId, "priority", priority)).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().at("/id").asString();
    }

    private List<String> ids(String uri) {
        return entries(uri).stream().map(entry -> entry.at("/id").asString()).toList();
    }

    private List<JsonNode> entries(String uri) {
        JsonNode page = get(uri).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> entries = new ArrayList<>();
        page.at("/items").forEach(entries::add);
        return entries;
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(user))).exchange();
    }

    private WebTestClient.ResponseSpec post(String uri, Object body) {
        return http.post().uri(uri).headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String uri, Object body) {
        return http.patch().uri(uri).headers(h -> h.setBearerAuth(tokenFor(user))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }
}
