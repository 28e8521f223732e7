package io.novatune.discovery.statistics;

import io.novatune.discovery.catalog.CatalogStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The aggregates behind statistics and trends, each over a window ending now, each reading one index rather than
 * joining every discovery record of the window to its catalog track (issue 12's 100,000 discoveries, ADR 0028):
 * <ul>
 *     <li>tracks, artists, labels and genres come from the catalog: a track has a discovery in [start, now) exactly
 *     when its last one ({@code last_seen_at}, kept by every new record) is in it;</li>
 *     <li>sources count the window's records per mix before joining the (few) mixes;</li>
 *     <li>most played counts mixes per track in the window and joins the ten it keeps; of all time it is the
 *     catalog's {@code discovery_count};</li>
 *     <li>trends and the weekly rate read the records alone: each carries its track's artist and genre (V4).</li>
 * </ul>
 */
@Component
public class StatisticsStore {

    private static final String IN_RANGE = "r.user_id = :userId AND r.created_at >= :start AND r.created_at < :end";
    private static final String SEEN_IN_RANGE = "user_id = :userId AND last_seen_at >= :start AND last_seen_at < :end";

    /*
     * The statements, public so that the benchmark (deploy/bench/discovery) runs the very same SQL over JDBC as the
     * floor the service is compared with. Named parameters: :userId, :start, :end (and :split for the trends).
     */
    public static final String TOTALS = "WITH t AS MATERIALIZED (SELECT artist_key, label FROM catalog_tracks WHERE "
            + SEEN_IN_RANGE + ")" + """
            SELECT (SELECT count(*) FROM t) AS tracks,
                   (SELECT count(*) FROM (SELECT DISTINCT artist_key FROM t) a) AS artists,
                   (SELECT count(*) FROM (SELECT DISTINCT lower(label) FROM t WHERE label IS NOT NULL) l) AS labels""";
    public static final String TOP_GENRES = "SELECT min(genre) AS name, count(*) AS n FROM catalog_tracks WHERE "
            + SEEN_IN_RANGE + " AND genre IS NOT NULL GROUP BY lower(genre) ORDER BY n DESC, lower(genre) LIMIT 10";
    public static final String SOURCES = "WITH d AS (SELECT r.tracklist_id, count(*) AS n FROM discovery_records r WHERE "
            + IN_RANGE + " GROUP BY r.tracklist_id)" + """
            SELECT COALESCE(l.source_type, CASE WHEN d.tracklist_id IS NULL THEN 'MANUAL' ELSE 'UNKNOWN' END) AS name,
                   sum(d.n)::bigint AS n
              FROM d LEFT JOIN tracklists l ON l.id = d.tracklist_id GROUP BY 1 ORDER BY n DESC, 1""";
    public static final String MOST_PLAYED = "WITH m AS (SELECT r.catalog_track_id, count(DISTINCT r.tracklist_id) AS n"
            + " FROM discovery_records r WHERE " + IN_RANGE + " AND r.tracklist_id IS NOT NULL"
            + " GROUP BY r.catalog_track_id ORDER BY n DESC, r.catalog_track_id LIMIT 10)" + """
            SELECT t.id, t.artist, t.title, m.n FROM m JOIN catalog_tracks t ON t.id = m.catalog_track_id
             ORDER BY m.n DESC, t.id""";
    /** Of all time: the mixes each track was found in, as the catalog keeps them. */
    public static final String MOST_PLAYED_ALL_TIME = """
            SELECT id, artist, title, discovery_count::bigint AS n FROM catalog_tracks
             WHERE user_id = :userId AND discovery_count > 0 ORDER BY discovery_count DESC, id LIMIT 10""";
    public static final String WEEKLY = "SELECT date_trunc('week', r.created_at AT TIME ZONE 'UTC') AS week, count(*) AS n"
            + " FROM discovery_records r WHERE " + IN_RANGE + " GROUP BY 1 ORDER BY 1";
    public static final String CONVERSION = """
            SELECT count(*) AS entries, count(*) FILTER (WHERE status = 'purchased') AS purchased
              FROM want_list_entries WHERE user_id = :userId""";
    /* The trends' key and name expressions, as Statistics passes them: over a discovery record named t. */
    public static final String ARTIST_KEY = "t.artist_key";
    public static final String ARTIST_NAME = "min(t.artist)";
    public static final String GENRE_KEY = "lower(t.genre)";
    public static final String GENRE_NAME = "min(t.genre)";

    /**
     * Discoveries per key in [split, end) against [start, split); the ten that grew most. The key and name are
     * expressions over {@code t}, a discovery record, which carries its track's artist and genre.
     */
    public static String trends(String keyColumn, String nameExpression) {
        // ORDER BY cannot compute with output names, hence the sub-select.
        return "SELECT name, current, previous FROM (SELECT " + nameExpression + " AS name, "
                + keyColumn + " AS trend_key, "
                + "count(*) FILTER (WHERE t.created_at >= :split) AS current, "
                + "count(*) FILTER (WHERE t.created_at < :split) AS previous "
                + "FROM discovery_records t WHERE t.user_id = :userId AND t.created_at >= :start AND t.created_at < :end"
                + " AND " + keyColumn + " IS NOT NULL GROUP BY " + keyColumn + ") g WHERE current > 0 "
                + "ORDER BY current - previous DESC, current DESC, trend_key LIMIT 10";
    }

    private final DatabaseClient db;

    public StatisticsStore(DatabaseClient db) {
        this.db = db;
    }

    record Totals(long tracks, long artists, long labels) {
    }

    Mono<Totals> totals(String userId, Instant start, Instant end) {
        return range(TOTALS, userId, start, end)
                .map(row -> new Totals(row.get("tracks", Long.class), row.get("artists", Long.class), row.get("labels", Long.class)))
                .one();
    }

    /** Genres by their tracks, "House" and "house" as one (as the trends and the catalog's filter take them). */
    Mono<List<Count>> topGenres(String userId, Instant start, Instant end) {
        return range(TOP_GENRES, userId, start, end)
                .map(row -> new Count(row.get("name", String.class), row.get("n", Long.class))).all().collectList();
    }

    Mono<List<Count>> sources(String userId, Instant start, Instant end) {
        return range(SOURCES, userId, start, end)
                .map(row -> new Count(row.get("name", String.class), row.get("n", Long.class))).all().collectList();
    }

    Mono<List<PlayedTrack>> mostPlayed(String userId, Instant start, Instant end) {
        DatabaseClient.GenericExecuteSpec query = start.equals(Instant.EPOCH)
                ? db.sql(MOST_PLAYED_ALL_TIME).bind("userId", userId) : range(MOST_PLAYED, userId, start, end);
        return query
                .map(row -> new PlayedTrack(row.get("id", String.class), row.get("artist", String.class),
                        row.get("title", String.class), row.get("n", Long.class))).all().collectList();
    }

    /** Discoveries per artist (or genre) in [split, end) against [start, split). */
    Mono<List<Trend>> trends(String userId, String keyColumn, String nameExpression, Instant start, Instant split, Instant end) {
        return range(trends(keyColumn, nameExpression), userId, start, end)
                .bind("split", CatalogStore.offset(split))
                .map(row -> {
                    long current = row.get("current", Long.class);
                    long previous = row.get("previous", Long.class);
                    return new Trend(row.get("name", String.class), current, previous,
                            previous == 0 ? null : (current - previous) / (double) previous);
                }).all().collectList();
    }

    Mono<List<WeeklyRate>> weekly(String userId, Instant start, Instant end) {
        return range(WEEKLY, userId, start, end)
                .map(row -> new WeeklyRate(row.get("week", LocalDateTime.class).toLocalDate(), row.get("n", Long.class)))
                .all().collectList();
    }

    Mono<PurchaseConversion> conversion(String userId) {
        return db.sql(CONVERSION).bind("userId", userId)
                .map(row -> {
                    long entries = row.get("entries", Long.class);
                    long purchased = row.get("purchased", Long.class);
                    return new PurchaseConversion(entries, purchased, entries == 0 ? null : purchased / (double) entries);
                }).one();
    }

    private DatabaseClient.GenericExecuteSpec range(String sql, String userId, Instant start, Instant end) {
        return db.sql(sql).bind("userId", userId).bind("start", CatalogStore.offset(start)).bind("end", CatalogStore.offset(end));
    }
}
