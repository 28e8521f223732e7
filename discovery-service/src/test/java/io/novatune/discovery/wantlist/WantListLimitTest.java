package io.novatune.discovery.wantlist;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.catalog.CatalogFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;

/** The want-list's limit as deployed, 10,000 entries: the user's list is filled to just below it by SQL. */
class WantListLimitTest extends DiscoveryIntegrationTest {

    private static final int LIMIT = 10_000;

    @Autowired
    WantListProperties properties;

    private final String user = "user-" + UUID.randomUUID();
    private CatalogFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new CatalogFixture(db, store, user);
        fill(LIMIT - 1);
    }

    @Test
    void the_limit_is_10000_entries_by_default() {
        assertThat(properties.maxEntries()).isEqualTo(LIMIT);
        assertThat(new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("novatune.discovery.want-list", WantListProperties.class).maxEntries()).isEqualTo(LIMIT);
    }

    @Test
    void the_entry_that_would_exceed_the_limit_answers_409_and_is_not_written() {
        String last = discovered("Last", "Fits");
        String over = discovered("One", "Too Many");
        post(Map.of("trackId", last)).expectStatus().isCreated();
        assertThat(count()).isEqualTo(LIMIT);

        post(Map.of("trackId", over)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.maxEntries").isEqualTo(LIMIT);
        assertThat(count()).isEqualTo(LIMIT);
        assertThat(onList(over)).isFalse();

        // A track already on the list is no new entry: its priority still rises at the limit.
        post(Map.of("trackId", last, "priority", 5)).expectStatus().isOk().expectBody().jsonPath("$.priority").isEqualTo(5);
    }

    @Test
    void concurrent_adds_at_the_limit_take_the_last_free_place_once() throws Exception {
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tracks.add(discovered("Racer " + i, "Song"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(tracks.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String track : tracks) {
                statuses.add(pool.submit(() -> post(Map.of("trackId", track)).returnResult(String.class).getStatus().value()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answered).containsExactlyInAnyOrder(201, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count()).isEqualTo(LIMIT);
    }

    @Test
    void a_bulk_add_that_would_exceed_the_limit_half_way_writes_nothing() {
        String mix = fixture.tracklist("Mix", "MIX", 3);
        for (int i = 1; i <= 3; i++) {
            fixture.discover(track("Bulk " + i, "Song", null, null, null, null, null, null), mix, i, "STRONG", Instant.now());
        }

        http.post().uri("/api/v1/want-list/bulk").headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("action", "add-tracklist", "tracklistId", mix))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count()).as("the three rows the statement inserted were rolled back").isEqualTo(LIMIT - 1);
    }

    /** {@code n} catalog tracks of the user, each on the want-list. */
    private void fill(int n) {
        String prefix = UlidCreator.getMonotonicUlid().toString().substring(0, 16);
        db.sql("""
                INSERT INTO catalog_tracks (id, user_id, artist, title, artist_key, title_key, version_key, created_at, updated_at)
                SELECT :prefix || lpad(to_hex(i), 10, '0'), :userId, 'Filler', 'Song ' || i, 'filler', 'song ' || i, '',
                       now(), now()
                  FROM generate_series(1, :n) i""")
                .bind("prefix", prefix).bind("userId", user).bind("n", n).then().block();
        db.sql("""
                INSERT INTO want_list_entries (id, user_id, catalog_track_id, priority, status, added_at, updated_at)
                SELECT id, user_id, id, 3, 'wanted', now(), now() FROM catalog_tracks WHERE user_id = :userId""")
                .bind("userId", user).then().block();
    }

    private String discovered(String artist, String title) {
        return fixture.discover(track(artist, title, null, null, null, null, null, null), null, null, "STRONG", Instant.now());
    }

    private long count() {
        return db.sql("SELECT count(*) AS n FROM want_list_entries WHERE user_id = :userId").bind("userId", user)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private boolean onList(String trackId) {
        return db.sql("SELECT 1 FROM want_list_entries WHERE user_id = :userId AND catalog_track_id = :trackId")
                .bind("userId", user).bind("trackId", trackId).map(row -> true).one().defaultIfEmpty(false).block();
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return http.post().uri("/api/v1/want-list").headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
