package io.novatune.discovery.catalog;

import io.novatune.discovery.DiscoveryIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTest extends DiscoveryIntegrationTest {

    private final String user = "user-" + UUID.randomUUID();
    private CatalogFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new CatalogFixture(db, store, user);
    }

    @Test
    void the_same_recording_in_two_mixes_is_one_catalog_track_found_twice_whatever_its_spelling() {
        Instant t0 = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String first = fixture.tracklist("Warehouse", "MIX", 3);
        String second = fixture.tracklist("Boiler Room", "RADIO", 5);
        String id = fixture.discover(track("Hot Chip", "Flutes", "Sasha Remix", "Domino", "Electronic", "GBAAA0000001",
                "mbid-flutes", "123"), first, 2, "STRONG", t0);
        // Another spelling, the same MusicBrainz recording id.
        String again = fixture.discover(track("Hot Chip feat. Someone", "Flutes (Sasha mix)", null, null, null, null,
                "mbid-flutes", null), second, 4, "MEDIUM", t0.plus(1, ChronoUnit.DAYS));
        // And by ISRC only.
        String byIsrc = fixture.discover(track("HOT CHIP", "Flutes - Sasha Remix Edit", null, null, null, "gbaaa0000001",
                null, null), second, 5, "MEDIUM", t0.plus(1, ChronoUnit.DAYS));
        assertThat(again).isEqualTo(id);
        assertThat(byIsrc).isEqualTo(id);

        JsonNode details = get(user, "/api/v1/catalog/tracks/" + id).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(details.at("/discoveryCount").asInt()).isEqualTo(2);
        assertThat(details.at("/sourceMixes").size()).isEqualTo(2);
        assertThat(details.at("/sourceMixes/0/tracklistId").asString()).isEqualTo(first);
        assertThat(details.at("/sourceMixes/0/position").asInt()).isEqualTo(2);
        assertThat(details.at("/sourceMixes/0/cueTimeMs").asLong()).isEqualTo(120_000);
        assertThat(details.at("/sourceMixes/1/tracklistTitle").asString()).isEqualTo("Boiler Room");
        assertThat(Instant.parse(details.at("/firstDiscovered").asString())).isEqualTo(t0);
        assertThat(Instant.parse(details.at("/lastSeen").asString())).isEqualTo(t0.plus(1, ChronoUnit.DAYS));
        assertThat(details.at("/confidence").asString()).isEqualTo("MEDIUM");
        assertThat(details.at("/method").asString()).isEqualTo("api");
        assertThat(details.at("/metadataSources/0").asString()).isEqualTo("musicbrainz");
        assertThat(details.at("/externalIds/musicbrainz").asString()).isEqualTo("mbid-flutes");
        assertThat(details.at("/label").asString()).isEqualTo("Domino");

        JsonNode sources = get(user, "/api/v1/discovery/sources/" + second).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(sources.at("/title").asString()).isEqualTo("Boiler Room");
        assertThat(sources.at("/tracks").size()).isEqualTo(2);
        assertThat(sources.at("/tracks/0/position").asInt()).isEqualTo(4);
        assertThat(sources.at("/tracks/0/cueTimeMs").asLong()).isEqualTo(240_000);
        assertThat(sources.at("/tracks/0/catalogTrackId").asString()).isEqualTo(id);
    }

    @Test
    void the_catalog_filters_sorts_and_pages_with_a_cursor() {
        Instant t0 = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String mix = fixture.tracklist("Mix", "MIX", 10);
        String other = fixture.tracklist("Other", "MIX", 10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fixture.discover(track("Artist " + (char) ('E' - i), "Title " + i, null, "Label " + (i % 2),
                    i % 2 == 0 ? "House" : "Techno", null, null, null), mix, i + 1, i == 4 ? "PROVISIONAL" : "STRONG",
                    t0.plus(i, ChronoUnit.DAYS)));
        }
        fixture.discover(track("Artist C", "Title 2", null, null, null, null, null, null), other, 1, "STRONG",
                t0.plus(6, ChronoUnit.DAYS));

        // lastSeen, newest first, two a page.
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(user, "/api/v1/catalog/tracks?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            page.at("/items").forEach(item -> seen.add(item.at("/id").asString()));
            cursor = page.at("/hasMore").asBoolean() ? page.at("/nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(seen).containsExactly(ids.get(2), ids.get(4), ids.get(3), ids.get(1), ids.get(0));

        assertThat(itemIds("/api/v1/catalog/tracks?sort=discoveryCount&limit=1")).containsExactly(ids.get(2));
        assertThat(itemIds("/api/v1/catalog/tracks?sort=artist")).containsExactly(ids.get(4), ids.get(3), ids.get(2),
                ids.get(1), ids.get(0));
        assertThat(itemIds("/api/v1/catalog/tracks?sort=firstDiscovered&genre=house")).containsExactly(ids.get(4),
                ids.get(2), ids.get(0));
        assertThat(itemIds("/api/v1/catalog/tracks?sort=artist&minConfidence=STRONG&label=1"))
                .containsExactly(ids.get(3), ids.get(1));
        assertThat(itemIds("/api/v1/catalog/tracks?sort=artist&artist=E&method=api")).containsExactly(ids.get(0));
        assertThat(itemIds("/api/v1/catalog/tracks?sort=artist&title=3&discoveredAfter="
                + t0.plus(2, ChronoUnit.DAYS))).containsExactly(ids.get(3));
        get(user, "/api/v1/catalog/tracks?sort=loudness").expectStatus().isBadRequest();
        get(user, "/api/v1/catalog/tracks?sort=artist&cursor=bm90LWEtY3Vyc29y").expectStatus().isBadRequest();
    }

    @Test
    void purchase_links_link_discogs_by_release_id_and_search_the_other_stores_url_encoded() {
        String mix = fixture.tracklist("Mix", null, 1);
        String id = fixture.discover(track("Simon & Garfunkel", "Mrs. Robinson?", null, null, null, null, null, "249504"),
                mix, 1, "STRONG", Instant.now());
        JsonNode links = http.get().uri("/api/v1/catalog/tracks/" + id + "/purchase-links")
                .headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(links.at("/links").size()).isEqualTo(4);
        assertThat(links.at("/links/0/url").asString()).isEqualTo("https://www.beatport.com/search?q=Simon+%26+Garfunkel+Mrs.+Robinson%3F");
        assertThat(links.at("/links/3/store").asString()).isEqualTo("discogs");
        assertThat(links.at("/links/3/url").asString()).isEqualTo("https://www.discogs.com/sell/release/249504");
        assertThat(links.at("/links/3/kind").asString()).isEqualTo("direct");

        JsonNode again = http.get().uri("/api/v1/catalog/tracks/" + id + "/purchase-links")
                .headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.at("/fetchedAt")).as("served from the cache").isEqualTo(links.at("/fetchedAt"));
        JsonNode refreshed = http.post().uri("/api/v1/catalog/tracks/" + id + "/refresh-purchase-links")
                .headers(h -> h.setBearerAuth(tokenFor(user))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(Instant.parse(refreshed.at("/fetchedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(links.at("/fetchedAt").asString()));
        assertThat(Instant.parse(refreshed.at("/expiresAt").asString()))
                .isEqualTo(Instant.parse(refreshed.at("/fetchedAt").asString()).plus(2, ChronoUnit.HOURS));
    }

    private List<String> itemIds(String uri) {
        JsonNode page = get(user, uri).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        page.at("/items").forEach(item -> ids.add(item.at("/id").asString()));
        return ids;
    }

    private WebTestClient.ResponseSpec get(String userId, String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(userId))).exchange();
    }
}
