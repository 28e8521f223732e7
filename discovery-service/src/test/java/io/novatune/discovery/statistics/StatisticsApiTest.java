package io.novatune.discovery.statistics;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.catalog.CatalogFixture;
import io.novatune.discovery.catalog.CatalogStore;
import io.novatune.discovery.catalog.DiscoveryRecord;
import io.novatune.discovery.catalog.NewCatalogTrack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.novatune.discovery.catalog.CatalogFixture.track;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics and trends of a small fixture whose figures are worked out by hand below. Discoveries, all relative
 * to now (mix1 MIX, mix2 RADIO, mix3 without a source type; "manual" has no tracklist):
 * <pre>
 *   r1  T1 Artist A "One"   Lab1  House   mix1    2 h ago
 *   r2  T1                                mix2    3 d ago
 *   r3  T2 Artist A "Two"   lab1  House   mix1    5 h ago
 *   r4  T3 Artist B "Three" Lab2  Techno  mix2   10 d ago
 *   r5  T4 Artist C "Four"  -     -       manual 20 h ago
 *   r6  T3                                mix3   45 d ago
 *   r7  T5 Artist B "Five"  Lab3  Techno  mix3   40 d ago
 *   r8  T1                                mix3   50 d ago
 * </pre>
 */
class StatisticsApiTest extends DiscoveryIntegrationTest {

    @Autowired
    Statistics statisticsService;

    @Autowired
    TransactionalOperator transactions;

    private final String user = "user-" + UUID.randomUUID();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final List<Instant> times = new ArrayList<>();
    private CatalogFixture fixture;
    private String t1;
    private String t2;
    private String t3;
    private String t4;
    private String t5;

    @BeforeEach
    void fixture() {
        fixture = new CatalogFixture(db, store, user);
        String mix1 = fixture.tracklist("Mix 1", "MIX", 5);
        String mix2 = fixture.tracklist("Mix 2", "RADIO", 5);
        String mix3 = fixture.tracklist("Mix 3", null, 5);
        t1 = discover(track("Artist A", "One", null, "Lab1", "House", null, null, null), mix1, 1, hoursAgo(2));
        discover(track("Artist A", "One", null, null, null, null, null, null), mix2, 1, daysAgo(3));
        t2 = discover(track("Artist A", "Two", null, "lab1", "House", null, null, null), mix1, 2, hoursAgo(5));
        t3 = discover(track("Artist B", "Three", null, "Lab2", "Techno", null, null, null), mix2, 2, daysAgo(10));
        t4 = discover(track("Artist C", "Four", null, null, null, null, null, null), null, null, hoursAgo(20));
        discover(track("Artist B", "Three", null, null, null, null, null, null), mix3, 1, daysAgo(45));
        t5 = discover(track("Artist B", "Five", null, "Lab3", "Techno", null, null, null), mix3, 2, daysAgo(40));
        discover(track("Artist A", "One", null, null, null, null, null, null), mix3, 3, daysAgo(50));
    }

    @Test
    void daily_statistics_count_the_last_24_hours() {
        JsonNode daily = statistics("daily");
        assertThat(daily.at("/period").asString()).isEqualTo("daily");
        Instant end = Instant.parse(daily.at("/periodEnd").asString());
        assertThat(end).isBetween(now, Instant.now());
        assertThat(Instant.parse(daily.at("/periodStart").asString())).isEqualTo(end.minus(1, ChronoUnit.DAYS));
        // r1, r3, r5: T1, T2, T4; artists A and C; labels Lab1 = lab1 (T4 has none).
        assertThat(daily.at("/tracksDiscovered").asLong()).isEqualTo(3);
        assertThat(daily.at("/uniqueArtists").asLong()).isEqualTo(2);
        assertThat(daily.at("/uniqueLabels").asLong()).isEqualTo(1);
        assertThat(counts(daily.at("/topGenres"))).containsExactly(Map.entry("House", 2L));
        assertThat(counts(daily.at("/discoverySources"))).containsExactly(Map.entry("MIX", 2L), Map.entry("MANUAL", 1L));
        assertThat(played(daily)).containsExactly(Map.entry(t1, 1L), Map.entry(t2, 1L));
        assertThat(daily.at("/mostPlayedTracks/0/artist").asString()).isEqualTo("Artist A");
        assertThat(daily.at("/mostPlayedTracks/0/title").asString()).isEqualTo("One");
    }

    @Test
    void weekly_monthly_and_all_time_statistics_widen_the_window() {
        // r1, r2, r3, r5.
        JsonNode weekly = statistics("weekly");
        assertThat(Instant.parse(weekly.at("/periodStart").asString()))
                .isEqualTo(Instant.parse(weekly.at("/periodEnd").asString()).minus(7, ChronoUnit.DAYS));
        assertThat(weekly.at("/tracksDiscovered").asLong()).isEqualTo(3);
        assertThat(weekly.at("/uniqueArtists").asLong()).isEqualTo(2);
        assertThat(weekly.at("/uniqueLabels").asLong()).isEqualTo(1);
        assertThat(counts(weekly.at("/topGenres"))).containsExactly(Map.entry("House", 2L));
        assertThat(counts(weekly.at("/discoverySources")))
                .containsExactly(Map.entry("MIX", 2L), Map.entry("MANUAL", 1L), Map.entry("RADIO", 1L));
        assertThat(played(weekly)).containsExactly(Map.entry(t1, 2L), Map.entry(t2, 1L));

        // r1 to r5.
        JsonNode monthly = statistics("monthly");
        assertThat(Instant.parse(monthly.at("/periodStart").asString()))
                .isEqualTo(Instant.parse(monthly.at("/periodEnd").asString()).minus(30, ChronoUnit.DAYS));
        assertThat(monthly.at("/tracksDiscovered").asLong()).isEqualTo(4);
        assertThat(monthly.at("/uniqueArtists").asLong()).isEqualTo(3);
        assertThat(monthly.at("/uniqueLabels").asLong()).isEqualTo(2);
        assertThat(counts(monthly.at("/topGenres"))).containsExactly(Map.entry("House", 2L), Map.entry("Techno", 1L));
        assertThat(counts(monthly.at("/discoverySources")))
                .containsExactly(Map.entry("MIX", 2L), Map.entry("RADIO", 2L), Map.entry("MANUAL", 1L));
        assertThat(played(monthly)).containsExactly(Map.entry(t1, 2L), Map.entry(t2, 1L), Map.entry(t3, 1L));

        // Everything.
        JsonNode allTime = statistics("all-time");
        assertThat(allTime.at("/period").asString()).isEqualTo("all-time");
        assertThat(allTime.at("/periodStart").isMissingNode() || allTime.at("/periodStart").isNull()).isTrue();
        assertThat(allTime.at("/tracksDiscovered").asLong()).isEqualTo(5);
        assertThat(allTime.at("/uniqueArtists").asLong()).isEqualTo(3);
        assertThat(allTime.at("/uniqueLabels").asLong()).isEqualTo(3);
        assertThat(counts(allTime.at("/topGenres"))).containsExactly(Map.entry("House", 2L), Map.entry("Techno", 2L));
        assertThat(counts(allTime.at("/discoverySources"))).containsExactly(Map.entry("UNKNOWN", 3L),
                Map.entry("MIX", 2L), Map.entry("RADIO", 2L), Map.entry("MANUAL", 1L));
        assertThat(played(allTime)).containsExactly(Map.entry(t1, 3L), Map.entry(t3, 2L), Map.entry(t2, 1L),
                Map.entry(t5, 1L));
        assertThat(get("/api/v1/discovery/statistics").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().at("/period").asString()).as("the default period").isEqualTo("all-time");
    }

    @Test
    void trends_order_artists_and_genres_by_growth_against_the_30_days_before() {
        JsonNode trends = get("/api/v1/discovery/trends").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(Instant.parse(trends.at("/asOf").asString())).isBetween(now, Instant.now());

        // Last 30 days against the 30 before: A 3 vs 1 (r1 r2 r3 | r8), C 1 vs 0 (r5), B 1 vs 2 (r4 | r6 r7).
        JsonNode artists = trends.at("/trendingArtists");
        assertThat(artists.size()).isEqualTo(3);
        assertTrend(artists.get(0), "Artist A", 3, 1, 2.0);
        assertTrend(artists.get(1), "Artist C", 1, 0, null);
        assertTrend(artists.get(2), "Artist B", 1, 2, -0.5);
        // House 3 vs 1, Techno 1 vs 2; T4 has no genre.
        JsonNode genres = trends.at("/trendingGenres");
        assertThat(genres.size()).isEqualTo(2);
        assertTrend(genres.get(0), "House", 3, 1, 2.0);
        assertTrend(genres.get(1), "Techno", 1, 2, -0.5);

        // Per ISO week (Monday, UTC) over the last 12 weeks: all eight discoveries.
        Map<LocalDate, Long> weeks = new TreeMap<>();
        times.forEach(time -> weeks.merge(time.atZone(ZoneOffset.UTC).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1L, Long::sum));
        Map<LocalDate, Long> rate = new TreeMap<>();
        trends.at("/discoveryRate").forEach(week -> rate.put(LocalDate.parse(week.at("/weekStart").asString()),
                week.at("/discoveries").asLong()));
        assertThat(rate).isEqualTo(weeks);
        assertThat(rate.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);

        assertThat(counts(trends.at("/preferredSources")))
                .containsExactly(Map.entry("MIX", 2L), Map.entry("RADIO", 2L), Map.entry("MANUAL", 1L));
        assertThat(trends.at("/purchaseConversion/entries").asLong()).isZero();
        assertThat(trends.at("/purchaseConversion/purchased").asLong()).isZero();
        assertThat(trends.at("/purchaseConversion/rate").isMissingNode() || trends.at("/purchaseConversion/rate").isNull())
                .isTrue();
    }

    @Test
    void purchase_conversion_is_purchased_over_wanted_and_follows_want_list_changes() {
        get("/api/v1/discovery/trends").expectStatus().isOk();
        String first = addToWantList(t1);
        addToWantList(t2);
        addToWantList(t3);
        http.patch().uri("/api/v1/want-list/" + first).headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\": \"purchased\"}")
                .exchange().expectStatus().isOk();

        JsonNode conversion = get("/api/v1/discovery/trends").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().at("/purchaseConversion");
        assertThat(conversion.at("/entries").asLong()).isEqualTo(3);
        assertThat(conversion.at("/purchased").asLong()).isEqualTo(1);
        assertThat(conversion.at("/rate").asDouble()).isEqualTo(1 / 3.0);
    }

    @Test
    void figures_are_cached_until_new_discoveries_arrive() {
        assertThat(statistics("daily").at("/tracksDiscovered").asLong()).isEqualTo(3);
        assertThat(artistNames()).containsExactly("Artist A", "Artist C", "Artist B");

        // A discovery written behind the service's back (the record, and the catalog's summary of it as
        // CatalogStore.record keeps it) is not seen: the figures come from the cache.
        db.sql("""
                INSERT INTO discovery_records (id, user_id, catalog_track_id, tracklist_id, position, confidence, distance,
                                               method, sources, created_at)
                VALUES (:id, :userId, :trackId, NULL, NULL, 'STRONG', 0, 'manual', 'manual', :at)""")
                .bind("id", UlidCreator.getMonotonicUlid().toString()).bind("userId", user).bind("trackId", t5)
                .bind("at", CatalogStore.offset(hoursAgo(1))).then().block();
        db.sql("UPDATE catalog_tracks SET last_seen_at = GREATEST(COALESCE(last_seen_at, :at), :at) WHERE id = :trackId")
                .bind("trackId", t5).bind("at", CatalogStore.offset(hoursAgo(1))).then().block();
        assertThat(statistics("daily").at("/tracksDiscovered").asLong()).isEqualTo(3);

        // A discovery through the catalog drops the user's figures: both new ones count.
        String t6 = discover(track("Artist D", "Six", null, "Lab4", "Disco", null, null, null), null, null, hoursAgo(1));
        JsonNode daily = statistics("daily");
        assertThat(daily.at("/tracksDiscovered").asLong()).isEqualTo(5);
        assertThat(daily.at("/uniqueArtists").asLong()).isEqualTo(4);
        assertThat(t6).isNotNull();
        // A 3 vs 1, C and D 1 vs 0 (by name), B now 2 vs 2.
        assertThat(artistNames()).containsExactly("Artist A", "Artist C", "Artist D", "Artist B");
    }

    @Test
    void figures_computed_while_a_discovery_commits_are_dropped_once_it_has() {
        // Identification records a discovery in a transaction; a request reading the figures before the commit sees
        // the old ones. They must not stay cached once the discovery is committed.
        String t6 = store.upsert(user, track("Artist D", "Six", null, null, null, null, null, null), now).block();
        DiscoveryRecord record = new DiscoveryRecord(null, null, null, "STRONG", 0.0, "manual", List.of("manual"), hoursAgo(1));
        Long before = transactions.transactional(store.record(user, t6, record)
                        .then(Mono.defer(() -> statisticsService.statistics(user, "daily"))
                                // Outside the transaction, as another request would be.
                                .contextWrite(context -> Context.empty())))
                .map(DiscoveryStatistics::tracksDiscovered).block();
        assertThat(before).as("read before the commit").isEqualTo(3);

        assertThat(statistics("daily").at("/tracksDiscovered").asLong()).isEqualTo(4);
    }

    @Test
    void genres_spelled_in_another_case_are_one_genre_as_in_the_trends_and_the_catalog_filter() {
        discover(track("Artist E", "Seven", null, null, "HOUSE", null, null, null), null, null, hoursAgo(1));
        // Named by one of its spellings, as in the trends.
        List<Map.Entry<String, Long>> daily = counts(statistics("daily").at("/topGenres"));
        assertThat(daily).hasSize(1);
        assertThat(daily.get(0).getKey()).isEqualToIgnoringCase("house");
        assertThat(daily.get(0).getValue()).isEqualTo(3);
        List<Map.Entry<String, Long>> allTime = counts(statistics("all-time").at("/topGenres"));
        assertThat(allTime).hasSize(2);
        assertThat(allTime.get(0).getValue()).isEqualTo(3);
        assertThat(allTime.get(1)).isEqualTo(Map.entry("Techno", 2L));
    }

    @Test
    void an_unknown_period_is_a_bad_request_naming_the_field() {
        get("/api/v1/discovery/statistics?period=yearly").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
    }

    @Test
    void another_users_figures_are_their_own() {
        String stranger = "user-" + UUID.randomUUID();
        JsonNode theirs = http.get().uri("/api/v1/discovery/statistics?period=all-time")
                .headers(h -> h.setBearerAuth(tokenFor(stranger))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(theirs.at("/tracksDiscovered").asLong()).isZero();
        assertThat(theirs.at("/topGenres").size()).isZero();
        JsonNode trends = http.get().uri("/api/v1/discovery/trends")
                .headers(h -> h.setBearerAuth(tokenFor(stranger))).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(trends.at("/trendingArtists").size()).isZero();
        assertThat(trends.at("/discoveryRate").size()).isZero();
    }

    private List<String> artistNames() {
        List<String> names = new ArrayList<>();
        get("/api/v1/discovery/trends").expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody().at("/trendingArtists").forEach(trend -> names.add(trend.at("/name").asString()));
        return names;
    }

    private static void assertTrend(JsonNode trend, String name, long current, long previous, Double growth) {
        assertThat(trend.at("/name").asString()).isEqualTo(name);
        assertThat(trend.at("/current").asLong()).as(name + " current").isEqualTo(current);
        assertThat(trend.at("/previous").asLong()).as(name + " previous").isEqualTo(previous);
        if (growth == null) {
            assertThat(trend.at("/growth").isMissingNode() || trend.at("/growth").isNull()).as(name + " growth").isTrue();
        } else {
            assertThat(trend.at("/growth").asDouble()).as(name + " growth").isEqualTo(growth);
        }
    }

    private String addToWantList(String trackId) {
        return http.post().uri("/api/v1/want-list").headers(h -> h.setBearerAuth(tokenFor(user)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("trackId", trackId))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().at("/id").asString();
    }

    private String discover(NewCatalogTrack track, String tracklistId, Integer position, Instant at) {
        times.add(at);
        return fixture.discover(track, tracklistId, position, "STRONG", at);
    }

    private Instant hoursAgo(int hours) {
        return now.minus(hours, ChronoUnit.HOURS);
    }

    private Instant daysAgo(int days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    private JsonNode statistics(String period) {
        return get("/api/v1/discovery/statistics?period=" + period).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<Map.Entry<String, Long>> counts(JsonNode counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        counts.forEach(count -> entries.add(Map.entry(count.at("/name").asString(), count.at("/count").asLong())));
        return entries;
    }

    private static List<Map.Entry<String, Long>> played(JsonNode statistics) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        statistics.at("/mostPlayedTracks").forEach(track -> entries.add(
                Map.entry(track.at("/trackId").asString(), track.at("/appearances").asLong())));
        return entries;
    }

    private WebTestClient.ResponseSpec get(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(tokenFor(user))).exchange();
    }
}
