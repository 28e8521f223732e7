package io.novatune.trackapi.track;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The {@code tracks} table. Every read is scoped to its owner. */
@Repository
public class TrackStore {

    private final DatabaseClient db;

    public TrackStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Track> insert(Track track) {
        var catalog = track.catalogRef();
        return db.sql("""
                        INSERT INTO tracks (id, user_id, title, artist, album, isrc, genre, duration_ms, status, source,
                                            catalog_service, catalog_id, created_at, updated_at, version)
                        VALUES (:id, :userId, :title, :artist, :album, :isrc, :genre, :durationMs, :status, :source,
                                :catalogService, :catalogId, :createdAt, :updatedAt, :version)
                        """)
                .bind("id", track.id())
                .bind("userId", track.userId())
                .bind("title", track.title())
                .bind("artist", track.artist())
                .bind("album", orNull(track.album()))
                .bind("isrc", orNull(track.isrc()))
                .bind("genre", orNull(track.genre()))
                .bind("durationMs", orNull(track.durationMs()))
                .bind("status", track.status().name())
                .bind("source", track.source().name())
                .bind("catalogService", orNull(catalog == null ? null : catalog.service()))
                .bind("catalogId", orNull(catalog == null ? null : catalog.id()))
                .bind("createdAt", track.createdAt())
                .bind("updatedAt", track.updatedAt())
                .bind("version", track.version())
                .then()
                .thenReturn(track);
    }

    public Mono<Track> findOwned(String userId, String trackId) {
        return db.sql("SELECT * FROM tracks WHERE id = :id AND user_id = :userId")
                .bind("id", trackId)
                .bind("userId", userId)
                .map(TrackStore::toTrack)
                .one();
    }

    private static Track toTrack(Readable row) {
        String catalogService = row.get("catalog_service", String.class);
        return new Track(
                row.get("id", String.class),
                row.get("user_id", String.class),
                row.get("title", String.class),
                row.get("artist", String.class),
                row.get("album", String.class),
                row.get("isrc", String.class),
                row.get("genre", String.class),
                row.get("duration_ms", Long.class),
                TrackStatus.valueOf(row.get("status", String.class)),
                TrackSource.valueOf(row.get("source", String.class)),
                catalogService == null ? null : new CatalogRef(catalogService, row.get("catalog_id", String.class)),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("version", Long.class));
    }

    /** DatabaseClient needs the type of a null; a {@link Parameter} carries it. */
    private static Parameter orNull(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static Parameter orNull(Long value) {
        return Parameter.fromOrEmpty(value, Long.class);
    }
}
