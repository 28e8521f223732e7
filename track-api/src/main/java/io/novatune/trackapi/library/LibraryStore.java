package io.novatune.trackapi.library;

import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackStatus;
import io.novatune.trackapi.track.TrackStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

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
 */
@Repository
public class LibraryStore {

    private static final String VISIBLE = "status IN " + TrackStatus.VISIBLE_SQL;

    private final DatabaseClient db;

    public LibraryStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<LibraryPage> page(LibraryQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM tracks WHERE user_id = :userId");
        params.put("userId", query.userId());
        if (query.status() == null) {
            sql.append(" AND ").append(VISIBLE);
        } else {
            sql.append(" AND status = :status");
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
        String sortExpression = query.sortBy().sqlExpression();
        String direction = query.descending() ? "DESC" : "ASC";
        PageCursor after = query.after();
        if (after != null) {
            sql.append(" AND (").append(sortExpression).append(", id) ")
                    .append(query.descending() ? "<" : ">").append(" (:afterValue, :afterId)");
            params.put("afterValue", query.sortBy().parse(after.lastValue()));
            params.put("afterId", after.lastId());
        }
        sql.append(" ORDER BY ").append(sortExpression).append(' ').append(direction)
                .append(", id ").append(direction).append(" LIMIT :limit");
        params.put("limit", query.limit() + 1);

        DatabaseClient.GenericExecuteSpec select = db.sql(sql.toString());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            select = select.bind(param.getKey(), param.getValue());
        }
        return select.map(TrackStore::toTrack).all().collectList().map(rows -> toPage(rows, query));
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
}
