package io.novatune.trackapi.library;

import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackStatus;
import io.novatune.trackapi.track.TrackStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pages through a user's library with keyset pagination: each page starts strictly after the last
 * row of the previous one in (sort value, id) order, so rows inserted or deleted meanwhile never
 * shift what the next page shows, and deep pages cost what the first one does.
 *
 * <p>A search chooses its plan per page (ADR 0030). It walks the user's sort index from the cursor on and keeps the
 * matches: a broad prefix fills the page within a few rows, where reading every match from the text index and
 * sorting them would read tens of thousands. The walk first reads a tenth of its budget ({@code walkRowsPerRow} ×
 * page rows); it goes on only if the rate of matches it met would fill the page within the rest. Otherwise the term
 * is rare, and the rest of the page comes from the (user, text) GIN index, after the last row walked. PostgreSQL
 * cannot make this choice itself: its estimate for prefix terms is far off either way.
 */
@Repository
public class LibraryStore {

    private static final String VISIBLE = "status IN " + TrackStatus.VISIBLE_SQL;

    private final DatabaseClient db;
    private final int walkRowsPerRow;

    /**
     * @param walkRowsPerRow how many rows a search walks at most for each row of the page before it takes the term
     *                       for a rare one: 100 (≈ 1 % of the rows match) is where, for 100,000 tracks, reading the
     *                       user's matches from the text index starts to cost less than walking on
     */
    public LibraryStore(DatabaseClient db, @Value("${novatune.library.search-walk-rows-per-row:100}") int walkRowsPerRow) {
        this.db = db;
        this.walkRowsPerRow = walkRowsPerRow;
    }

    public Mono<LibraryPage> page(LibraryQuery query) {
        Statement filters = filters(query);
        if (query.search() == null || prefixQuery(query.search()) == null) {
            return plainPage(query, filters);
        }
        int wanted = query.limit() + 1;
        int firstWalk = Math.max(1, walkRowsPerRow * wanted / 10);
        int restOfWalk = walkRowsPerRow * wanted - firstWalk;
        return walk(query, filters, cursorKey(query), firstWalk, wanted).flatMap(first -> {
            int missing = wanted - first.matches().size();
            if (missing <= 0 || first.boundary() == null) {
                return Mono.just(toPage(first.matches(), query));
            }
            // At the rate the first walk met matches, would the rest of the budget fill the page?
            Mono<Walk> walked = (long) first.matches().size() * restOfWalk >= (long) missing * firstWalk
                    ? walk(query, filters, first.boundary(), restOfWalk, missing).map(first::then)
                    : Mono.just(first);
            return walked.flatMap(walk -> walk.matches().size() >= wanted || walk.boundary() == null
                    ? Mono.just(toPage(walk.matches(), query))
                    : rareMatches(query, filters, walk.boundary(), wanted - walk.matches().size())
                            .map(rest -> toPage(walk.then(new Walk(rest, null)).matches(), query)));
        });
    }

    /** Without a search, the sort index with the filters applied is the plan PostgreSQL picks by itself. */
    private Mono<LibraryPage> plainPage(LibraryQuery query, Statement filters) {
        Statement select = new Statement("SELECT * FROM tracks WHERE user_id = :userId AND ", filters.params())
                .append(filters.sql());
        keysetAfter(select, query, cursorKey(query));
        select.append(" ORDER BY ").append(order(query.sortBy().sqlExpression(), query)).append(" LIMIT :limit");
        select.params().put("limit", query.limit() + 1);
        return select.bind(db).map(TrackStore::toTrack).all().collectList().map(rows -> toPage(rows, query));
    }

    /**
     * The next {@code window} rows in sort order after {@code after}, of which only the first {@code wanted} matches
     * come back, and the last row walked whether it matches or not (its {@code walked} number says so), so that the
     * page can go on after it. The outer ORDER BY repeats the inner one on the subquery's columns, so nothing is sorted and the walk
     * stops at the page's last match.
     */
    private Mono<Walk> walk(LibraryQuery query, Statement filters, Key after, int window, int wanted) {
        Statement select = new Statement("SELECT * FROM (SELECT t.*, COALESCE(", filters.params())
                .append(filters.sql())
                .append(", false) AS hit, row_number() OVER (ORDER BY ").append(order("sort_key", query))
                .append(") AS walked FROM (SELECT *, ").append(query.sortBy().sqlExpression())
                .append(" AS sort_key FROM tracks WHERE user_id = :userId");
        keysetAfter(select, query, after);
        select.append(" ORDER BY ").append(order("sort_key", query)).append(" LIMIT :window) t) w")
                .append(" WHERE hit OR walked = :window ORDER BY ").append(order("sort_key", query))
                .append(" LIMIT :limit");
        select.params().put("window", window);
        select.params().put("limit", wanted);
        return select.bind(db)
                .map(row -> new WalkedRow(TrackStore.toTrack(row), Boolean.TRUE.equals(row.get("hit", Boolean.class)),
                        row.get("walked", Long.class)))
                .all().collectList()
                .map(rows -> {
                    List<Track> matches = rows.stream().filter(WalkedRow::hit).map(WalkedRow::track).toList();
                    WalkedRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
                    Key boundary = last != null && last.walked() == window
                            ? new Key(query.sortBy().parse(sortValue(last.track(), query.sortBy())), last.track().id())
                            : null;
                    return new Walk(matches, boundary);
                });
    }

    /**
     * A rare term's matches after the walk's last row: all of the user's matches come from the (user, text) GIN
     * index and are sorted. MATERIALIZED keeps the planner from walking the sort index again, which its estimate of
     * a prefix term would make it prefer, when the walk has just shown that matches are sparse.
     */
    private Mono<List<Track>> rareMatches(LibraryQuery query, Statement filters, Key boundary, int rows) {
        Statement select = new Statement("WITH hits AS MATERIALIZED (SELECT * FROM tracks WHERE user_id = :userId AND ",
                filters.params()).append(filters.sql());
        keysetAfter(select, query, boundary);
        select.append(") SELECT * FROM hits ORDER BY ").append(order(query.sortBy().sqlExpression(), query))
                .append(" LIMIT :limit");
        select.params().put("limit", rows);
        return select.bind(db).map(TrackStore::toTrack).all().collectList();
    }

    /** Every condition of the query but the user and the keyset, as one boolean SQL expression. */
    private static Statement filters(LibraryQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("userId", query.userId());
        StringBuilder sql = new StringBuilder();
        if (query.status() == null) {
            sql.append(VISIBLE);
        } else {
            sql.append("status = :status");
            params.put("status", query.status().name());
        }
        String tsquery = prefixQuery(query.search());
        if (tsquery != null) {
            sql.append(" AND search_vector @@ to_tsquery('simple', :tsquery)");
            params.put("tsquery", tsquery);
        }
        if (query.artist() != null) {
            sql.append(" AND lower(artist) = lower(:artist)");
            params.put("artist", query.artist());
        }
        if (query.genre() != null) {
            sql.append(" AND lower(genre) = lower(:genre)");
            params.put("genre", query.genre());
        }
        if (query.source() != null) {
            sql.append(" AND source = :source");
            params.put("source", query.source().name());
        }
        return new Statement(sql.toString(), params);
    }

    private static Key cursorKey(LibraryQuery query) {
        PageCursor after = query.after();
        return after == null ? null : new Key(query.sortBy().parse(after.lastValue()), after.lastId());
    }

    private static void keysetAfter(Statement select, LibraryQuery query, Key after) {
        if (after != null) {
            select.append(" AND (").append(query.sortBy().sqlExpression()).append(", id) ")
                    .append(query.descending() ? "<" : ">").append(" (:afterValue, :afterId)");
            select.params().put("afterValue", after.value());
            select.params().put("afterId", after.id());
        }
    }

    private static String order(String sortExpression, LibraryQuery query) {
        String direction = query.descending() ? "DESC" : "ASC";
        return sortExpression + ' ' + direction + ", id " + direction;
    }

    private static LibraryPage toPage(List<Track> rows, LibraryQuery query) {
        if (rows.size() <= query.limit()) {
            return new LibraryPage(rows, null);
        }
        List<Track> items = rows.subList(0, query.limit());
        Track last = items.get(items.size() - 1);
        return new LibraryPage(items,
                new PageCursor(query.sortBy(), query.descending(), sortValue(last, query.sortBy()), last.id()));
    }

    private static String sortValue(Track track, SortField field) {
        return switch (field) {
            case CREATED_AT -> track.createdAt().toString();
            case UPDATED_AT -> track.updatedAt().toString();
            case TITLE -> track.metadata().title();
            case ARTIST -> track.metadata().artist();
            case DURATION -> Long.toString(track.metadata().durationMs() == null ? 0 : track.metadata().durationMs());
        };
    }

    /**
     * "daft pu" → {@code daft:* & pu:*}: every word must match the start of a word of the title,
     * artist or album. Only letters and digits reach the query, so no input can break its syntax.
     */
    static String prefixQuery(String search) {
        if (search == null) {
            return null;
        }
        String query = Arrays.stream(search.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .map(word -> word + ":*")
                .collect(Collectors.joining(" & "));
        return query.isEmpty() ? null : query;
    }

    /** SQL text being built and its named parameters. */
    private static final class Statement {

        private final StringBuilder sql;
        private final Map<String, Object> params;

        Statement(String sql, Map<String, Object> params) {
            this.sql = new StringBuilder(sql);
            this.params = new LinkedHashMap<>(params);
        }

        String sql() {
            return sql.toString();
        }

        Map<String, Object> params() {
            return params;
        }

        Statement append(Object text) {
            sql.append(text);
            return this;
        }

        DatabaseClient.GenericExecuteSpec bind(DatabaseClient db) {
            DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
            for (Map.Entry<String, Object> param : params.entrySet()) {
                spec = spec.bind(param.getKey(), param.getValue());
            }
            return spec;
        }
    }

    /** Where a keyset resumes: a row's sort value in its SQL type, and its id. */
    private record Key(Object value, String id) {
    }

    private record WalkedRow(Track track, boolean hit, long walked) {
    }

    /** A walk's matches, and the last row it walked if it stopped at its window rather than at the user's end. */
    private record Walk(List<Track> matches, Key boundary) {

        /** These matches followed by the next part's, ending where that part ended. */
        Walk then(Walk next) {
            List<Track> rows = new ArrayList<>(matches);
            rows.addAll(next.matches());
            return new Walk(rows, next.boundary());
        }
    }
}
