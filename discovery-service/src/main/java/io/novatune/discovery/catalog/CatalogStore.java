package io.novatune.discovery.catalog;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.discovery.identification.TrackKey;
import io.r2dbc.spi.Readable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Catalog tracks and their discovery records in the {@code discovery} database; every query is scoped to the user. */
@Component
public class CatalogStore {

    private final DatabaseClient db;
    private final ApplicationEventPublisher events;

    public CatalogStore(DatabaseClient db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
    }

    /** The user's tracks sharing the artist or the title: the few worth scoring against an entry. */
    public Mono<List<CatalogTrack>> similar(String userId, TrackKey key) {
        return db.sql("""
                SELECT * FROM catalog_tracks WHERE user_id = :userId AND (title_key = :title OR artist_key = :artist)
                ORDER BY id LIMIT 50""")
                .bind("userId", userId).bind("title", key.title()).bind("artist", key.artist())
                .map(CatalogStore::track).all().collectList();
    }

    /**
     * Inserts the track, or fills in what the user's track of the same recording lacks; answers its id. The same
     * recording is the track with the same MusicBrainz recording id or ISRC, whatever its spelling, else the one of the
     * same normalised artist + title + version: two mixes crediting it differently still find one catalog track.
     */
    public Mono<String> upsert(String userId, NewCatalogTrack track, Instant now) {
        return sameRecording(userId, track)
                .flatMap(id -> fillIn(userId, id, track, now).thenReturn(id))
                .switchIfEmpty(Mono.defer(() -> insertOrFillIn(userId, track, now)));
    }

    private Mono<String> sameRecording(String userId, NewCatalogTrack track) {
        if (track.musicBrainzId() == null && track.isrc() == null) {
            return Mono.empty();
        }
        // Only the ids the identification found are compared: a NULL parameter's type is unknown to the driver.
        StringBuilder sql = new StringBuilder("SELECT id FROM catalog_tracks WHERE user_id = :userId AND (false");
        if (track.musicBrainzId() != null) {
            sql.append(" OR musicbrainz_id = :musicBrainzId");
        }
        if (track.isrc() != null) {
            sql.append(" OR (isrc IS NOT NULL AND upper(isrc) = upper(:isrc))");
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.append(") ORDER BY id LIMIT 1").toString()).bind("userId", userId);
        if (track.musicBrainzId() != null) {
            spec = spec.bind("musicBrainzId", track.musicBrainzId());
        }
        if (track.isrc() != null) {
            spec = spec.bind("isrc", track.isrc());
        }
        return spec.map(row -> row.get("id", String.class)).one();
    }

    private Mono<Void> fillIn(String userId, String id, NewCatalogTrack track, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE catalog_tracks SET
                    label = COALESCE(label, :label), catalog_number = COALESCE(catalog_number, :catalogNumber),
                    release_title = COALESCE(release_title, :releaseTitle), release_date = COALESCE(release_date, :releaseDate),
                    genre = COALESCE(genre, :genre), duration_ms = COALESCE(duration_ms, :durationMs),
                    isrc = COALESCE(isrc, :isrc), musicbrainz_id = COALESCE(musicbrainz_id, :musicBrainzId),
                    discogs_id = COALESCE(discogs_id, :discogsId), bpm = COALESCE(bpm, :bpm),
                    musical_key = COALESCE(musical_key, :key), updated_at = :now
                WHERE id = :id AND user_id = :userId""")
                .bind("id", id).bind("userId", userId).bind("now", offset(now));
        return metadata(spec, track).then();
    }

    private static DatabaseClient.GenericExecuteSpec metadata(DatabaseClient.GenericExecuteSpec spec, NewCatalogTrack track) {
        spec = nullable(spec, "label", track.label(), String.class);
        spec = nullable(spec, "catalogNumber", track.catalogNumber(), String.class);
        spec = nullable(spec, "releaseTitle", track.releaseTitle(), String.class);
        spec = nullable(spec, "releaseDate", track.releaseDate(), String.class);
        spec = nullable(spec, "genre", track.genre(), String.class);
        spec = nullable(spec, "durationMs", track.durationMs(), Long.class);
        spec = nullable(spec, "isrc", track.isrc(), String.class);
        spec = nullable(spec, "musicBrainzId", track.musicBrainzId(), String.class);
        spec = nullable(spec, "discogsId", track.discogsId(), String.class);
        spec = nullable(spec, "bpm", track.bpm(), Double.class);
        return nullable(spec, "key", track.musicalKey(), String.class);
    }

    private Mono<String> insertOrFillIn(String userId, NewCatalogTrack track, Instant now) {
        TrackKey key = track.key();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO catalog_tracks (id, user_id, artist, title, version, label, catalog_number, release_title,
                                            release_date, genre, duration_ms, isrc, musicbrainz_id, discogs_id,
                                            bpm, musical_key, artist_key, title_key, version_key, created_at, updated_at)
                VALUES (:id, :userId, :artist, :title, :version, :label, :catalogNumber, :releaseTitle, :releaseDate,
                        :genre, :durationMs, :isrc, :musicBrainzId, :discogsId, :bpm, :key, :artistKey, :titleKey, :versionKey, :now, :now)
                ON CONFLICT (user_id, artist_key, title_key, version_key) DO UPDATE SET
                    label = COALESCE(catalog_tracks.label, EXCLUDED.label),
                    catalog_number = COALESCE(catalog_tracks.catalog_number, EXCLUDED.catalog_number),
                    release_title = COALESCE(catalog_tracks.release_title, EXCLUDED.release_title),
                    release_date = COALESCE(catalog_tracks.release_date, EXCLUDED.release_date),
                    genre = COALESCE(catalog_tracks.genre, EXCLUDED.genre),
                    duration_ms = COALESCE(catalog_tracks.duration_ms, EXCLUDED.duration_ms),
                    isrc = COALESCE(catalog_tracks.isrc, EXCLUDED.isrc),
                    musicbrainz_id = COALESCE(catalog_tracks.musicbrainz_id, EXCLUDED.musicbrainz_id),
                    discogs_id = COALESCE(catalog_tracks.discogs_id, EXCLUDED.discogs_id),
                    bpm = COALESCE(catalog_tracks.bpm, EXCLUDED.bpm),
                    musical_key = COALESCE(catalog_tracks.musical_key, EXCLUDED.musical_key),
                    updated_at = EXCLUDED.updated_at
                RETURNING id""")
                .bind("id", UlidCreator.getMonotonicUlid().toString()).bind("userId", userId)
                .bind("artist", track.artist()).bind("title", track.title())
                .bind("artistKey", key.artist()).bind("titleKey", key.title()).bind("versionKey", key.version())
                .bind("now", offset(now));
        spec = nullable(spec, "version", track.version(), String.class);
        spec = metadata(spec, track);
        return spec.map(row -> row.get("id", String.class)).one();
    }

    public Mono<Void> record(String userId, String catalogTrackId, DiscoveryRecord record) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO discovery_records (id, user_id, catalog_track_id, tracklist_id, position, job_id, confidence,
                                               distance, method, sources, created_at)
                VALUES (:id, :userId, :trackId, :tracklistId, :position, :jobId, :confidence, :distance, :method, :sources, :createdAt)""")
                .bind("id", UlidCreator.getMonotonicUlid().toString()).bind("userId", userId).bind("trackId", catalogTrackId)
                .bind("confidence", record.confidence()).bind("distance", record.distance()).bind("method", record.method())
                .bind("sources", String.join(",", record.sources())).bind("createdAt", offset(record.createdAt()));
        spec = nullable(spec, "tracklistId", record.tracklistId(), String.class);
        spec = nullable(spec, "position", record.position(), Integer.class);
        spec = nullable(spec, "jobId", record.jobId(), String.class);
        return spec.then().then(summarise(catalogTrackId)).then(publishWhenVisible(new DiscoveriesArrived(userId)));
    }

    /**
     * Publishes the event once the discovery is visible to other requests: in a transaction after it commits (the
     * figures a request computed between an earlier event and the commit would otherwise stay cached 15 min), else now.
     */
    private Mono<Void> publishWhenVisible(Object event) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .map(synchronizations -> {
                    synchronizations.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(() -> events.publishEvent(event));
                        }
                    });
                    return true;
                })
                .onErrorResume(NoTransactionException.class, none -> Mono.empty())
                .switchIfEmpty(Mono.fromRunnable(() -> events.publishEvent(event)).thenReturn(false))
                .then();
    }

    /** The track's discovery summary after a new record: mixes it was found in, first and last time, the latest judgement. */
    private Mono<Void> summarise(String catalogTrackId) {
        return db.sql("""
                UPDATE catalog_tracks t SET discovery_count = s.mixes, first_discovered_at = s.first_at,
                       last_seen_at = s.last_at, confidence = s.confidence, method = s.method
                FROM (SELECT count(DISTINCT tracklist_id) AS mixes, min(created_at) AS first_at, max(created_at) AS last_at,
                             (array_agg(confidence ORDER BY id DESC))[1] AS confidence,
                             (array_agg(method ORDER BY id DESC))[1] AS method
                        FROM discovery_records WHERE catalog_track_id = :id) s
                WHERE t.id = :id""").bind("id", catalogTrackId).then();
    }

    /** One page in {@code sort} order after the cursor's (value, id); {@code limit} rows at most. */
    public Mono<List<CatalogTrack>> page(String userId, CatalogFilter filter, CatalogSort sort, String afterValue,
                                         String afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM catalog_tracks WHERE user_id = :userId");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("userId", userId);
        where(sql, binds, filter);
        String column = sort.column();
        String order = sort.descending() ? "DESC" : "ASC";
        if (afterId != null) {
            String compare = sort.descending() ? "<" : ">";
            String value = switch (sort) {
                case lastSeen, firstDiscovered -> "CAST(:afterValue AS timestamptz)";
                case discoveryCount -> "CAST(:afterValue AS int)";
                case artist -> ":afterValue";
            };
            // Tracks never discovered sort last (NULLS LAST on descending, the keyset cursor then continues among them).
            if (sort.descending() && sort != CatalogSort.discoveryCount) {
                sql.append(afterValue == null
                        ? " AND " + column + " IS NULL AND id < :afterId"
                        : " AND ((" + column + ", id) < (" + value + ", :afterId) OR " + column + " IS NULL)");
            } else {
                sql.append(" AND (").append(column).append(", id) ").append(compare).append(" (").append(value).append(", :afterId)");
            }
            if (afterValue != null) {
                binds.put("afterValue", afterValue);
            }
            binds.put("afterId", afterId);
        }
        sql.append(" ORDER BY ").append(column).append(' ').append(order).append(sort.descending() ? " NULLS LAST" : "")
                .append(", id ").append(order).append(" LIMIT :limit");
        binds.put("limit", limit);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(CatalogStore::track).all().collectList();
    }

    /**
     * Every track of the user matching the filter, in artist order, fetched from the database 500 rows at a time:
     * an export of 100,000 rows holds a few hundred in memory.
     */
    public Flux<CatalogTrack> export(String userId, CatalogFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM catalog_tracks WHERE user_id = :userId");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("userId", userId);
        where(sql, binds, filter);
        sql.append(" ORDER BY artist_key, title_key, id");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.filter(statement -> statement.fetchSize(500)).map(CatalogStore::track).all();
    }

    /** The filter's conditions, appended with their parameters; shared by the list and the export. */
    static void where(StringBuilder sql, Map<String, Object> binds, CatalogFilter filter) {
        if (filter.artist() != null) {
            sql.append(" AND artist ILIKE :artist ESCAPE '\\'");
            binds.put("artist", like(filter.artist()));
        }
        if (filter.title() != null) {
            sql.append(" AND title ILIKE :title ESCAPE '\\'");
            binds.put("title", like(filter.title()));
        }
        if (filter.label() != null) {
            sql.append(" AND label ILIKE :label ESCAPE '\\'");
            binds.put("label", like(filter.label()));
        }
        if (filter.genre() != null) {
            sql.append(" AND lower(genre) = lower(:genre)");
            binds.put("genre", filter.genre());
        }
        if (filter.discoveredAfter() != null) {
            sql.append(" AND first_discovered_at > :discoveredAfter");
            binds.put("discoveredAfter", offset(filter.discoveredAfter()));
        }
        if (filter.minConfidence() != null) {
            List<String> enough = switch (filter.minConfidence()) {
                case "STRONG" -> List.of("STRONG");
                case "MEDIUM" -> List.of("STRONG", "MEDIUM");
                default -> List.of("STRONG", "MEDIUM", "PROVISIONAL");
            };
            // The values are the three known confidences (validated), written into the statement.
            sql.append(" AND confidence IN ('").append(String.join("', '", enough)).append("')");
        }
        if (filter.method() != null) {
            sql.append(" AND method = :method");
            binds.put("method", filter.method());
        }
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The tracks discovered in the user's tracklist, in its order; empty when the tracklist is not the user's. */
    public Mono<MixSources> sources(String userId, String tracklistId) {
        Mono<MixSources> header = db.sql("SELECT title, dj_name FROM tracklists WHERE id = :id AND user_id = :userId")
                .bind("id", tracklistId).bind("userId", userId)
                .map(row -> new MixSources(tracklistId, row.get("title", String.class), row.get("dj_name", String.class), List.of()))
                .one();
        Mono<List<DiscoveredTrack>> tracks = db.sql("""
                SELECT r.position, r.confidence, r.method, t.id, t.artist, t.title, t.version, t.label, t.genre,
                       (SELECT min(e.cue_time_ms) FROM tracklist_entries e
                         WHERE e.tracklist_id = r.tracklist_id AND e.position = r.position) AS cue_time_ms
                  FROM discovery_records r JOIN catalog_tracks t ON t.id = r.catalog_track_id
                 WHERE r.tracklist_id = :id AND r.user_id = :userId
                   AND r.id = (SELECT max(o.id) FROM discovery_records o
                                WHERE o.tracklist_id = r.tracklist_id AND o.position IS NOT DISTINCT FROM r.position
                                  AND o.catalog_track_id = r.catalog_track_id)
                 ORDER BY r.position, t.id""")
                .bind("id", tracklistId).bind("userId", userId)
                .map(row -> new DiscoveredTrack(row.get("position", Integer.class), row.get("cue_time_ms", Long.class),
                        row.get("confidence", String.class), row.get("method", String.class), row.get("id", String.class),
                        row.get("artist", String.class), row.get("title", String.class), row.get("version", String.class),
                        row.get("label", String.class), row.get("genre", String.class)))
                .all().collectList();
        return header.zipWith(tracks, (found, list) -> new MixSources(found.tracklistId(), found.title(), found.djName(), list));
    }

    public Mono<CatalogTrack> get(String userId, String id) {
        Mono<CatalogTrack> track = db.sql("SELECT * FROM catalog_tracks WHERE id = :id AND user_id = :userId")
                .bind("id", id).bind("userId", userId).map(CatalogStore::track).one();
        Mono<List<DiscoveryRecord>> records = db.sql("SELECT * FROM discovery_records WHERE catalog_track_id = :id ORDER BY id")
                .bind("id", id)
                .map(row -> new DiscoveryRecord(row.get("tracklist_id", String.class), row.get("position", Integer.class),
                        row.get("job_id", String.class), row.get("confidence", String.class),
                        row.get("distance", Double.class), row.get("method", String.class),
                        Arrays.asList(row.get("sources", String.class).split(",")),
                        row.get("created_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
        Mono<List<SourceMix>> mixes = db.sql("""
                SELECT r.tracklist_id, l.title, l.dj_name, min(r.position) AS position,
                       (SELECT min(e.cue_time_ms) FROM tracklist_entries e
                         WHERE e.tracklist_id = r.tracklist_id AND e.position = min(r.position)) AS cue_time_ms
                  FROM discovery_records r JOIN tracklists l ON l.id = r.tracklist_id
                 WHERE r.catalog_track_id = :id
                 GROUP BY r.tracklist_id, l.title, l.dj_name ORDER BY min(r.id)""")
                .bind("id", id)
                .map(row -> new SourceMix(row.get("tracklist_id", String.class), row.get("title", String.class),
                        row.get("dj_name", String.class), row.get("position", Integer.class), row.get("cue_time_ms", Long.class)))
                .all().collectList();
        return Mono.zip(track, mixes, records).map(parts -> parts.getT1().with(parts.getT2(), parts.getT3()));
    }

    /** Sets what the user said the track is; false when the user has no such track. */
    public Mono<Boolean> identify(String userId, String id, String artist, String title, Map<String, String> externalIds,
                                  Instant now) {
        TrackKey key = TrackKey.of(artist, title, null);
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE catalog_tracks SET artist = :artist, title = :title, version = NULL, artist_key = :artistKey,
                       title_key = :titleKey, version_key = :versionKey,
                       musicbrainz_id = COALESCE(:musicBrainzId, musicbrainz_id), discogs_id = COALESCE(:discogsId, discogs_id),
                       isrc = COALESCE(:isrc, isrc), updated_at = :now
                WHERE id = :id AND user_id = :userId""")
                .bind("id", id).bind("userId", userId).bind("artist", artist).bind("title", title)
                .bind("artistKey", key.artist()).bind("titleKey", key.title()).bind("versionKey", key.version())
                .bind("now", offset(now));
        spec = nullable(spec, "musicBrainzId", externalIds.get("musicbrainz"), String.class);
        spec = nullable(spec, "discogsId", externalIds.get("discogs"), String.class);
        spec = nullable(spec, "isrc", externalIds.get("isrc"), String.class);
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static CatalogTrack track(Readable row) {
        Map<String, String> externalIds = new LinkedHashMap<>();
        String musicBrainzId = row.get("musicbrainz_id", String.class);
        String discogsId = row.get("discogs_id", String.class);
        if (musicBrainzId != null) {
            externalIds.put("musicbrainz", musicBrainzId);
        }
        if (discogsId != null) {
            externalIds.put("discogs", discogsId);
        }
        return new CatalogTrack(row.get("id", String.class), row.get("artist", String.class), row.get("title", String.class),
                row.get("version", String.class), row.get("label", String.class), row.get("catalog_number", String.class),
                row.get("release_title", String.class), row.get("release_date", String.class), row.get("genre", String.class),
                row.get("duration_ms", Long.class), row.get("isrc", String.class), row.get("bpm", Double.class),
                row.get("musical_key", String.class), externalIds,
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("updated_at", OffsetDateTime.class).toInstant(),
                row.get("discovery_count", Integer.class), instant(row.get("first_discovered_at", OffsetDateTime.class)),
                instant(row.get("last_seen_at", OffsetDateTime.class)), row.get("confidence", String.class),
                row.get("method", String.class), List.of(), List.of(), List.of());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
