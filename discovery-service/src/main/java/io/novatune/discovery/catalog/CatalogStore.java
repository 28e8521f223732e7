package io.novatune.discovery.catalog;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.discovery.identification.TrackKey;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
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

    public CatalogStore(DatabaseClient db) {
        this.db = db;
    }

    /** The user's tracks sharing the artist or the title: the few worth scoring against an entry. */
    public Mono<List<CatalogTrack>> similar(String userId, TrackKey key) {
        return db.sql("""
                SELECT * FROM catalog_tracks WHERE user_id = :userId AND (title_key = :title OR artist_key = :artist)
                ORDER BY id LIMIT 50""")
                .bind("userId", userId).bind("title", key.title()).bind("artist", key.artist())
                .map(CatalogStore::track).all().collectList();
    }

    /** Inserts the track, or fills in what the user's track of the same key lacks; answers its id. */
    public Mono<String> upsert(String userId, NewCatalogTrack track, Instant now) {
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
        spec = nullable(spec, "key", track.musicalKey(), String.class);
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
        return spec.then();
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
        return track.zipWith(records, (found, discoveries) -> new CatalogTrack(found.id(), found.artist(), found.title(),
                found.version(), found.label(), found.catalogNumber(), found.releaseTitle(), found.releaseDate(), found.genre(),
                found.durationMs(), found.isrc(), found.bpm(), found.musicalKey(), found.externalIds(), found.createdAt(), found.updatedAt(), discoveries));
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
                List.of());
    }

    static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static <T> DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
