package io.novatune.trackapi.album;

import io.novatune.trackapi.track.TrackSource;
import io.novatune.trackapi.track.TrackStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** The {@code albums} table and the album's rows in {@code tracks}. Every read is scoped to the owner. */
@Repository
public class AlbumStore {

    private final DatabaseClient db;

    public AlbumStore(DatabaseClient db) {
        this.db = db;
    }

    /** The album row and all its track rows: two statements, whatever the length of the listing. */
    public Mono<Album> insert(Album album) {
        Mono<Void> albumRow = db.sql("""
                        INSERT INTO albums (id, user_id, title, artist, created_at)
                        VALUES (:id, :userId, :title, :artist, :createdAt)
                        """)
                .bind("id", album.id())
                .bind("userId", album.userId())
                .bind("title", album.title())
                .bind("artist", album.artist())
                .bind("createdAt", album.createdAt())
                .then();
        return albumRow.then(insertTracks(album)).thenReturn(album);
    }

    private Mono<Void> insertTracks(Album album) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO tracks (id, user_id, title, artist, album, isrc, duration_ms, status, source,
                                    album_id, track_number, created_at, updated_at)
                VALUES
                """);
        List<AlbumTrack> tracks = album.tracks();
        for (int i = 0; i < tracks.size(); i++) {
            sql.append(i == 0 ? "" : ",\n")
                    .append("(:id").append(i).append(", :userId, :title").append(i).append(", :artist").append(i)
                    .append(", :album, :isrc").append(i).append(", :durationMs").append(i)
                    .append(", :status, :source, :albumId, :trackNumber").append(i).append(", :createdAt, :createdAt)");
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql(sql.toString())
                .bind("userId", album.userId())
                .bind("album", album.title())
                .bind("status", TrackStatus.READY.name())
                .bind("source", TrackSource.CATALOG.name())
                .bind("albumId", album.id())
                .bind("createdAt", album.createdAt());
        for (int i = 0; i < tracks.size(); i++) {
            AlbumTrack track = tracks.get(i);
            insert = insert.bind("id" + i, track.trackId())
                    .bind("title" + i, track.title())
                    .bind("artist" + i, track.artist())
                    .bind("isrc" + i, Parameter.fromOrEmpty(track.isrc(), String.class))
                    .bind("durationMs" + i, Parameter.fromOrEmpty(track.durationMs(), Long.class))
                    .bind("trackNumber" + i, track.trackNumber());
        }
        return insert.then();
    }

    /** The album with the tracks it still has (a purged track's row is gone), in album order. */
    public Mono<Album> findOwned(String userId, String albumId) {
        Mono<List<AlbumTrack>> tracks = db.sql("""
                        SELECT id, track_number, title, artist, isrc, duration_ms FROM tracks
                        WHERE album_id = :albumId AND user_id = :userId ORDER BY track_number
                        """)
                .bind("albumId", albumId)
                .bind("userId", userId)
                .map(row -> new AlbumTrack(row.get("id", String.class), row.get("track_number", Integer.class),
                        row.get("title", String.class), row.get("artist", String.class), row.get("isrc", String.class),
                        row.get("duration_ms", Long.class)))
                .all()
                .collectList();
        return db.sql("SELECT id, user_id, title, artist, created_at FROM albums WHERE id = :id AND user_id = :userId")
                .bind("id", albumId)
                .bind("userId", userId)
                .map(row -> new Album(row.get("id", String.class), row.get("user_id", String.class),
                        row.get("title", String.class), row.get("artist", String.class),
                        row.get("created_at", Instant.class), List.of()))
                .one()
                .zipWith(tracks, (album, listing) -> new Album(album.id(), album.userId(), album.title(),
                        album.artist(), album.createdAt(), listing));
    }
}
