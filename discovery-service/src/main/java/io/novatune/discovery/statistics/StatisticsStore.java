package io.novatune.discovery.statistics;

import io.novatune.discovery.catalog.CatalogStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The aggregates behind statistics and trends. Each reads the user's discovery records in a time range through
 * the index (user_id, created_at) and joins catalog tracks by primary key.
 */
@Component
public class StatisticsStore {

    private static final String IN_RANGE = """
            WITH d AS (SELECT r.catalog_track_id, r.tracklist_id, r.created_at FROM discovery_records r
                        WHERE r.user_id = :userId AND r.created_at >= :start AND r.created_at < :end)
            """;
    private static final String SOURCE_TYPE =
            "COALESCE(l.source_type, CASE WHEN d.tracklist_id IS NULL THEN 'MANUAL' ELSE 'UNKNOWN' END)";

    private final DatabaseClient db;

    public StatisticsStore(DatabaseClient db) {
        this.db = db;
    }

    record Totals(long tracks, long artists, long labels) {
    }

    Mono<Totals> totals(String userId, Instant start, Instant end) {
        return range(IN_RANGE + """
                SELECT count(DISTINCT t.id) AS tracks, count(DISTINCT t.artist_key) AS artists,
                       count(DISTINCT lower(t.label)) AS labels
                  FROM d JOIN catalog_tracks t ON t.id = d.catalog_track_id""", userId, start, end)
                .map(row -> new Totals(row.get("tracks", Long.class), row.get("artists", Long.class), row.get("labels", Long.class)))
                .one();
    }

    Mono<List<Count>> topGenres(String userId, Instant start, Instant end) {
        return range(IN_RANGE + """
                SELECT t.genre AS name, count(DISTINCT t.id) AS n FROM d JOIN catalog_tracks t ON t.id = d.catalog_track_id
                 WHERE t.genre IS NOT NULL GROUP BY t.genre ORDER BY n DESC, t.genre LIMIT 10""", userId, start, end)
                .map(row -> new Count(row.get("name", String.class), row.get("n", Long.class))).all().collectList();
    }

    Mono<List<Count>> sources(String userId, Instant start, Instant end) {
        return range(IN_RANGE + "SELECT " + SOURCE_TYPE + """
                 AS name, count(*) AS n FROM d LEFT JOIN tracklists l ON l.id = d.tracklist_id
                 GROUP BY 1 ORDER BY n DESC, 1""", userId, start, end)
                .map(row -> new Count(row.get("name", String.class), row.get("n", Long.class))).all().collectList();
    }

    Mono<List<PlayedTrack>> mostPlayed(String userId, Instant start, Instant end) {
        return range(IN_RANGE + """
                SELECT t.id, t.artist, t.title, count(DISTINCT d.tracklist_id) AS n
                  FROM d JOIN catalog_tracks t ON t.id = d.catalog_track_id WHERE d.tracklist_id IS NOT NULL
                 GROUP BY t.id, t.artist, t.title ORDER BY n DESC, t.id LIMIT 10""", userId, start, end)
                .map(row -> new PlayedTrack(row.get("id", String.class), row.get("artist", String.class),
                        row.get("title", String.class), row.get("n", Long.class))).all().collectList();
    }

    /** Discoveries per artist (or genre) in [split, end) against [start, split). */
    Mono<List<Trend>> trends(String userId, String keyColumn, String nameExpression, Instant start, Instant split, Instant end) {
        // ORDER BY cannot compute with output names, hence the sub-select.
        return range(IN_RANGE + "SELECT name, current, previous FROM (SELECT " + nameExpression + " AS name, "
                + keyColumn + " AS trend_key, "
                + "count(*) FILTER (WHERE d.created_at >= :split) AS current, "
                + "count(*) FILTER (WHERE d.created_at < :split) AS previous "
                + "FROM d JOIN catalog_tracks t ON t.id = d.catalog_track_id WHERE " + keyColumn + " IS NOT NULL "
                + "GROUP BY " + keyColumn + ") g WHERE current > 0 "
                + "ORDER BY current - previous DESC, current DESC, trend_key LIMIT 10", userId, start, end)
                .bind("split", CatalogStore.offset(split))
                .map(row -> {
                    long current = row.get("current", Long.class);
                    long previous = row.get("previous", Long.class);
                    return new Trend(row.get("name", String.class), current, previous,
                            previous == 0 ? null : (current - previous) / (double) previous);
                }).all().collectList();
    }

    Mono<List<WeeklyRate>> weekly(String userId, Instant start, Instant end) {
        return range(IN_RANGE + """
                SELECT date_trunc('week', d.created_at AT TIME ZONE 'UTC') AS week, count(*) AS n FROM d
                 GROUP BY 1 ORDER BY 1""", userId, start, end)
                .map(row -> new WeeklyRate(row.get("week", LocalDateTime.class).toLocalDate(), row.get("n", Long.class)))
                .all().collectList();
    }

    Mono<PurchaseConversion> conversion(String userId) {
        return db.sql("""
                SELECT count(*) AS entries, count(*) FILTER (WHERE status = 'purchased') AS purchased
                  FROM want_list_entries WHERE user_id = :userId""").bind("userId", userId)
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
