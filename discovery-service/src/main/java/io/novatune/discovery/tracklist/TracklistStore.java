package io.novatune.discovery.tracklist;

import io.novatune.discovery.parsing.Credits;
import io.novatune.discovery.parsing.ParsedEntry;
import io.novatune.discovery.parsing.UnparsedLine;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Tracklists, their entries and unparsed lines in the {@code discovery} database; every query is scoped to the user. */
@Component
public class TracklistStore {

    record Header(String id, String userId, String title, String djName, Instant playedAt, String sourceType,
                  String sourceUrl, String format, Instant createdAt, Instant updatedAt) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    public TracklistStore(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    Mono<Void> insert(Header header, List<ParsedEntry> entries, List<UnparsedLine> unparsed) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                INSERT INTO tracklists (id, user_id, title, dj_name, played_at, source_type, source_url, format, created_at, updated_at)
                VALUES (:id, :userId, :title, :djName, :playedAt, :sourceType, :sourceUrl, :format, :createdAt, :updatedAt)""")
                .bind("id", header.id()).bind("userId", header.userId()).bind("title", header.title())
                .bind("format", header.format())
                .bind("createdAt", offset(header.createdAt())).bind("updatedAt", offset(header.updatedAt()));
        insert = bindNullable(insert, "djName", header.djName(), String.class);
        insert = bindNullable(insert, "playedAt", header.playedAt() == null ? null : offset(header.playedAt()), OffsetDateTime.class);
        insert = bindNullable(insert, "sourceType", header.sourceType(), String.class);
        insert = bindNullable(insert, "sourceUrl", header.sourceUrl(), String.class);
        Mono<Void> head = insert.then();
        Flux<Long> rows = Flux.range(0, entries.size()).concatMap(seq -> insertEntry(header.id(), seq, entries.get(seq)));
        Flux<Long> lines = Flux.fromIterable(unparsed).concatMap(line -> db.sql("""
                        INSERT INTO tracklist_unparsed_lines (tracklist_id, line_number, line, reason)
                        VALUES (:id, :lineNumber, :line, :reason)""")
                .bind("id", header.id()).bind("lineNumber", line.lineNumber()).bind("line", line.line())
                .bind("reason", line.reason()).fetch().rowsUpdated());
        return transactions.transactional(head.then(rows.then()).then(lines.then()));
    }

    private Mono<Long> insertEntry(String tracklistId, int seq, ParsedEntry entry) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO tracklist_entries (tracklist_id, seq, position, line_number, artist, title, remix, label,
                                               catalog_number, cue_time_ms, unknown)
                VALUES (:id, :seq, :position, :lineNumber, :artist, :title, :remix, :label, :catalogNumber, :cueTimeMs, :unknown)""")
                .bind("id", tracklistId).bind("seq", seq).bind("position", entry.position())
                .bind("lineNumber", entry.lineNumber()).bind("unknown", entry.unknown());
        spec = bindNullable(spec, "artist", entry.artist(), String.class);
        spec = bindNullable(spec, "title", entry.title(), String.class);
        spec = bindNullable(spec, "remix", entry.remix(), String.class);
        spec = bindNullable(spec, "label", entry.label(), String.class);
        spec = bindNullable(spec, "catalogNumber", entry.catalogNumber(), String.class);
        spec = bindNullable(spec, "cueTimeMs", entry.cueTimeMs(), Long.class);
        return spec.fetch().rowsUpdated();
    }

    Mono<Header> header(String userId, String id) {
        return db.sql("SELECT * FROM tracklists WHERE id = :id AND user_id = :userId")
                .bind("id", id).bind("userId", userId)
                .map(TracklistStore::header).one();
    }

    Mono<List<Entry>> entries(String id) {
        return db.sql("SELECT * FROM tracklist_entries WHERE tracklist_id = :id ORDER BY seq")
                .bind("id", id)
                .map(row -> {
                    String artist = row.get("artist", String.class);
                    Long cueTimeMs = row.get("cue_time_ms", Long.class);
                    Integer lineNumber = row.get("line_number", Integer.class);
                    return new Entry(row.get("position", Integer.class), artist, Credits.split(artist),
                            row.get("title", String.class), row.get("remix", String.class), row.get("label", String.class),
                            row.get("catalog_number", String.class), cueTimeMs, CueTimes.format(cueTimeMs),
                            Boolean.TRUE.equals(row.get("unknown", Boolean.class)),
                            lineNumber == null || lineNumber == 0 ? null : lineNumber);
                }).all().collectList();
    }

    Mono<List<UnparsedLine>> unparsed(String id) {
        return db.sql("SELECT * FROM tracklist_unparsed_lines WHERE tracklist_id = :id ORDER BY line_number")
                .bind("id", id)
                .map(row -> new UnparsedLine(row.get("line_number", Integer.class), row.get("line", String.class),
                        row.get("reason", String.class)))
                .all().collectList();
    }

    /** Newest first, after {@code afterId} when given; {@code search} matches title or DJ, case-insensitively. */
    Mono<List<TracklistSummary>> page(String userId, String afterId, String search, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT t.*, (SELECT count(*) FROM tracklist_entries e WHERE e.tracklist_id = t.id) AS entry_count
                FROM tracklists t WHERE t.user_id = :userId""");
        if (afterId != null) {
            sql.append(" AND t.id < :afterId");
        }
        if (search != null) {
            sql.append(" AND (t.title ILIKE :search ESCAPE '\\' OR t.dj_name ILIKE :search ESCAPE '\\')");
        }
        sql.append(" ORDER BY t.id DESC LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("userId", userId).bind("limit", limit);
        if (afterId != null) {
            spec = spec.bind("afterId", afterId);
        }
        if (search != null) {
            spec = spec.bind("search", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec.map(row -> {
            Header header = header(row);
            return new TracklistSummary(header.id(), header.title(), header.djName(), header.playedAt(),
                    row.get("entry_count", Long.class).intValue(), header.createdAt());
        }).all().collectList();
    }

    Mono<Boolean> update(String userId, String id, String title, String djName, Instant playedAt, TracklistSource source,
                         Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE tracklists SET title = COALESCE(:title, title), dj_name = COALESCE(:djName, dj_name),
                       played_at = COALESCE(:playedAt, played_at), source_type = COALESCE(:sourceType, source_type),
                       source_url = COALESCE(:sourceUrl, source_url), updated_at = :now
                WHERE id = :id AND user_id = :userId""")
                .bind("id", id).bind("userId", userId).bind("now", offset(now));
        spec = bindNullable(spec, "title", title, String.class);
        spec = bindNullable(spec, "djName", djName, String.class);
        spec = bindNullable(spec, "playedAt", playedAt == null ? null : offset(playedAt), OffsetDateTime.class);
        spec = bindNullable(spec, "sourceType", source == null ? null : source.type().name(), String.class);
        spec = bindNullable(spec, "sourceUrl", source == null ? null : source.url(), String.class);
        return spec.fetch().rowsUpdated().map(count -> count > 0);
    }

    /** Corrects the first entry at {@code position}; absent fields stay as they are. */
    Mono<Boolean> updateEntry(String userId, String id, int position, EntryInput input, Long cueTimeMs, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE tracklist_entries e SET artist = COALESCE(:artist, artist), title = COALESCE(:title, title),
                       remix = COALESCE(:remix, remix), label = COALESCE(:label, label),
                       catalog_number = COALESCE(:catalogNumber, catalog_number),
                       cue_time_ms = COALESCE(:cueTimeMs, cue_time_ms),
                       unknown = (COALESCE(:artist, artist) IS NULL OR COALESCE(:title, title) IS NULL)
                WHERE e.tracklist_id = :id AND e.seq = (
                    SELECT min(seq) FROM tracklist_entries x JOIN tracklists t ON t.id = x.tracklist_id
                    WHERE x.tracklist_id = :id AND x.position = :position AND t.user_id = :userId)""")
                .bind("id", id).bind("userId", userId).bind("position", position);
        spec = bindNullable(spec, "artist", input.artist(), String.class);
        spec = bindNullable(spec, "title", input.title(), String.class);
        spec = bindNullable(spec, "remix", input.remix(), String.class);
        spec = bindNullable(spec, "label", input.label(), String.class);
        spec = bindNullable(spec, "catalogNumber", input.catalogNumber(), String.class);
        spec = bindNullable(spec, "cueTimeMs", cueTimeMs, Long.class);
        Mono<Long> touched = db.sql("UPDATE tracklists SET updated_at = :now WHERE id = :id")
                .bind("now", offset(now)).bind("id", id).fetch().rowsUpdated();
        return transactions.transactional(spec.fetch().rowsUpdated()
                .flatMap(count -> count > 0 ? touched.thenReturn(true) : Mono.just(false)));
    }

    Mono<Boolean> delete(String userId, String id) {
        return db.sql("DELETE FROM tracklists WHERE id = :id AND user_id = :userId")
                .bind("id", id).bind("userId", userId).fetch().rowsUpdated().map(count -> count > 0);
    }

    private static Header header(Readable row) {
        OffsetDateTime playedAt = row.get("played_at", OffsetDateTime.class);
        return new Header(row.get("id", String.class), row.get("user_id", String.class), row.get("title", String.class),
                row.get("dj_name", String.class), playedAt == null ? null : playedAt.toInstant(),
                row.get("source_type", String.class), row.get("source_url", String.class), row.get("format", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                  Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
