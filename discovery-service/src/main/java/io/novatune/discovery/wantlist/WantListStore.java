package io.novatune.discovery.wantlist;

import com.github.f4b6a3.ulid.UlidCreator;
import io.r2dbc.spi.Readable;
import io.novatune.discovery.catalog.CatalogStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Want-list entries with their catalog track's metadata; every query is scoped to the user. */
@Component
public class WantListStore {

    static final String SELECT = """
            SELECT w.*, t.artist, t.title, t.version, t.label, t.isrc
              FROM want_list_entries w JOIN catalog_tracks t ON t.id = w.catalog_track_id""";

    private final DatabaseClient db;

    public WantListStore(DatabaseClient db) {
        this.db = db;
    }

    /** Serialises one user's want-list writes until the transaction ends, so that the limit check counts them all. */
    public Mono<Void> lock(String userId) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('want-list:' || :userId))").bind("userId", userId)
                .fetch().rowsUpdated().then();
    }

    public Mono<Long> count(String userId) {
        return db.sql("SELECT count(*) AS n FROM want_list_entries WHERE user_id = :userId").bind("userId", userId)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Adds the user's catalog track, or raises the priority of its entry; empty when the track is not the user's. */
    public Mono<Added> add(String userId, AddToWantListRequest request, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO want_list_entries (id, user_id, catalog_track_id, priority, notes, source_tracklist_id, status,
                                               added_at, updated_at)
                SELECT :id, :userId, t.id, :priority, :notes, :source, 'wanted', :now, :now
                  FROM catalog_tracks t WHERE t.id = :trackId AND t.user_id = :userId
                ON CONFLICT (user_id, catalog_track_id) DO UPDATE SET
                    priority = GREATEST(want_list_entries.priority, EXCLUDED.priority),
                    notes = COALESCE(want_list_entries.notes, EXCLUDED.notes),
                    updated_at = EXCLUDED.updated_at
                RETURNING id, (xmax = 0) AS inserted""")
                .bind("id", UlidCreator.getMonotonicUlid().toString()).bind("userId", userId)
                .bind("trackId", request.trackId()).bind("priority", request.priorityOrDefault()).bind("now", CatalogStore.offset(now));
        spec = CatalogStore.nullable(spec, "notes", request.notes(), String.class);
        spec = CatalogStore.nullable(spec, "source", request.sourceTracklistId(), String.class);
        return spec.map(row -> new Added(row.get("id", String.class), Boolean.TRUE.equals(row.get("inserted", Boolean.class)))).one();
    }

    public record Added(String id, boolean inserted) {
    }

    /** Puts the identified (not provisional) tracks of the user's tracklist on the list; answers how many were new. */
    public Mono<Long> addTracklist(String userId, String tracklistId, int priority, Instant now) {
        return db.sql("""
                SELECT DISTINCT r.catalog_track_id FROM discovery_records r
                 WHERE r.tracklist_id = :tracklistId AND r.user_id = :userId AND r.confidence <> 'PROVISIONAL'
                 ORDER BY r.catalog_track_id""")
                .bind("tracklistId", tracklistId).bind("userId", userId)
                .map(row -> row.get("catalog_track_id", String.class)).all().collectList()
                .flatMap(tracks -> tracks.isEmpty() ? Mono.just(0L) : db.sql("""
                        INSERT INTO want_list_entries (id, user_id, catalog_track_id, priority, source_tracklist_id, status,
                                                       added_at, updated_at)
                        SELECT e.id, :userId, e.track_id, :priority, :tracklistId, 'wanted', :now, :now
                          FROM unnest(CAST(:ids AS text[]), CAST(:tracks AS text[])) AS e (id, track_id)
                        ON CONFLICT (user_id, catalog_track_id) DO NOTHING""")
                        // A ULID per entry from the generator: ids built in SQL from one prefix and a counter were the
                        // same for two bulks in the same millisecond, and the second failed on the primary key.
                        .bind("ids", tracks.stream().map(track -> UlidCreator.getMonotonicUlid().toString()).toArray(String[]::new))
                        .bind("tracks", tracks.toArray(String[]::new))
                        .bind("userId", userId).bind("tracklistId", tracklistId).bind("priority", priority)
                        .bind("now", CatalogStore.offset(now))
                        .fetch().rowsUpdated());
    }

    public Mono<Boolean> tracklistExists(String userId, String tracklistId) {
        return db.sql("SELECT 1 FROM tracklists WHERE id = :id AND user_id = :userId").bind("id", tracklistId)
                .bind("userId", userId).map(row -> true).one().defaultIfEmpty(false);
    }

    /** How many of the ids are the user's entries. */
    public Mono<Long> owned(String userId, List<String> ids) {
        return db.sql("SELECT count(*) AS n FROM want_list_entries WHERE user_id = :userId AND id IN (:ids)")
                .bind("userId", userId).bind("ids", ids).map(row -> row.get("n", Long.class)).one();
    }

    /** An entry set to anything but purchased loses its purchase time and library track (the date the user gave stays). */
    public Mono<Long> setStatus(String userId, List<String> ids, String status, Instant now) {
        return db.sql("""
                UPDATE want_list_entries SET status = :status, updated_at = :now,
                       purchased_at = CASE WHEN :status = 'purchased' THEN COALESCE(purchased_at, :now) END,
                       library_track_id = CASE WHEN :status = 'purchased' THEN library_track_id END
                 WHERE user_id = :userId AND id IN (:ids)""")
                .bind("userId", userId).bind("ids", ids).bind("status", status).bind("now", CatalogStore.offset(now))
                .fetch().rowsUpdated();
    }

    public Mono<Long> delete(String userId, List<String> ids) {
        return db.sql("DELETE FROM want_list_entries WHERE user_id = :userId AND id IN (:ids)")
                .bind("userId", userId).bind("ids", ids).fetch().rowsUpdated();
    }

    public Mono<WantListEntry> get(String userId, String id) {
        return db.sql(SELECT + " WHERE w.id = :id AND w.user_id = :userId").bind("id", id).bind("userId", userId)
                .map(WantListStore::entry).one();
    }

    public Mono<Boolean> update(String userId, String id, PatchWantListRequest patch, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE want_list_entries SET status = COALESCE(:status, status), priority = COALESCE(:priority, priority),
                       notes = CASE WHEN :notesGiven THEN :notes ELSE notes END,
                       purchase_date = CASE WHEN :purchaseDateGiven THEN :purchaseDate ELSE purchase_date END,
                       purchased_at = CASE WHEN :status IS NULL THEN purchased_at
                                           WHEN :status = 'purchased' THEN COALESCE(purchased_at, :now) END,
                       library_track_id = CASE WHEN :status IS NULL OR :status = 'purchased' THEN library_track_id END,
                       updated_at = :now
                 WHERE id = :id AND user_id = :userId""")
                .bind("id", id).bind("userId", userId).bind("now", CatalogStore.offset(now));
        spec = CatalogStore.nullable(spec, "status", patch.getStatus(), String.class);
        spec = CatalogStore.nullable(spec, "priority", patch.getPriority(), Integer.class);
        spec = CatalogStore.nullable(spec, "notes", patch.getNotes(), String.class).bind("notesGiven", patch.notesGiven());
        spec = CatalogStore.nullable(spec, "purchaseDate", patch.getPurchaseDate(), LocalDate.class)
                .bind("purchaseDateGiven", patch.purchaseDateGiven());
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    public Mono<List<WantListEntry>> page(String userId, String status, Integer priority, Instant addedAfter,
                                          String afterId, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE w.user_id = :userId");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("userId", userId);
        if (status != null) {
            sql.append(" AND w.status = :status");
            binds.put("status", status);
        }
        if (priority != null) {
            sql.append(" AND w.priority = :priority");
            binds.put("priority", priority);
        }
        if (addedAfter != null) {
            sql.append(" AND w.added_at > :addedAfter");
            binds.put("addedAfter", CatalogStore.offset(addedAfter));
        }
        if (afterId != null) {
            sql.append(" AND w.id < :afterId");
            binds.put("afterId", afterId);
        }
        sql.append(" ORDER BY w.id DESC LIMIT :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(WantListStore::entry).all().collectList();
    }

    /** Every entry of the user, newest first, fetched from the database a few hundred rows at a time. */
    public Flux<WantListEntry> all(String userId) {
        return db.sql(SELECT + " WHERE w.user_id = :userId ORDER BY w.id DESC").bind("userId", userId)
                .filter(statement -> statement.fetchSize(500))
                .map(WantListStore::entry).all();
    }

    static WantListEntry entry(Readable row) {
        OffsetDateTime purchasedAt = row.get("purchased_at", OffsetDateTime.class);
        return new WantListEntry(row.get("id", String.class), row.get("catalog_track_id", String.class),
                row.get("artist", String.class), row.get("title", String.class), row.get("version", String.class),
                row.get("label", String.class), row.get("isrc", String.class), row.get("priority", Integer.class),
                row.get("notes", String.class), row.get("source_tracklist_id", String.class), row.get("status", String.class),
                row.get("purchase_date", LocalDate.class), purchasedAt == null ? null : purchasedAt.toInstant(),
                row.get("library_track_id", String.class), row.get("added_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
