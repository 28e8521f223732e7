package io.novatune.trackapi.album;

import io.novatune.trackapi.track.CatalogRef;
import io.novatune.trackapi.track.TrackSource;
import io.novatune.trackapi.track.TrackStatus;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** The {@code albums} table and the album's rows in {@code tracks}. Every read is scoped to the owner. */
@Repository
public class AlbumStore {

    private static final String ALBUM_COLUMNS = """
            id, user_id, title, artist, created_at, catalog_service, catalog_id, listing_status, listing_attempts,
            listing_due_at, listing_error""";

    private final DatabaseClient db;

    public AlbumStore(DatabaseClient db) {
        this.db = db;
    }

    /** The album row and all its track rows: two statements, whatever the length of the listing. */
    public Mono<Album> insert(Album album) {
        CatalogRef catalog = album.catalogRef();
        ListingState listing = album.listing();
        Mono<Void> albumRow = db.sql("""
                        INSERT INTO albums (id, user_id, title, artist, created_at, catalog_service, catalog_id,
                                            listing_status, listing_attempts, listing_due_at, listing_error)
                        VALUES (:id, :userId, :title, :artist, :createdAt, :catalogService, :catalogId,
                                :listingStatus, :listingAttempts, :listingDueAt, :listingError)
                        """)
                .bind("id", album.id())
                .bind("userId", album.userId())
                .bind("title", Parameter.fromOrEmpty(album.title(), String.class))
                .bind("artist", Parameter.fromOrEmpty(album.artist(), String.class))
                .bind("createdAt", album.createdAt())
                .bind("catalogService", Parameter.fromOrEmpty(catalog == null ? null : catalog.service(), String.class))
                .bind("catalogId", Parameter.fromOrEmpty(catalog == null ? null : catalog.id(), String.class))
                .bind("listingStatus", listing.status().name())
                .bind("listingAttempts", listing.attempts())
                .bind("listingDueAt", Parameter.fromOrEmpty(listing.nextAttemptAt(), Instant.class))
                .bind("listingError", Parameter.fromOrEmpty(listing.lastError(), String.class))
                .then();
        return albumRow.then(insertTracks(album)).thenReturn(album);
    }

    /** The album's track rows in one statement; nothing for an album without tracks. */
    Mono<Void> insertTracks(Album album) {
        List<AlbumTrack> tracks = album.tracks();
        if (tracks.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO tracks (id, user_id, title, artist, album, isrc, duration_ms, status, source,
                                    album_id, track_number, catalog_service, catalog_id, created_at, updated_at)
                VALUES
                """);
        for (int i = 0; i < tracks.size(); i++) {
            sql.append(i == 0 ? "" : ",\n")
                    .append("(:id").append(i).append(", :userId, :title").append(i).append(", :artist").append(i)
                    .append(", :album, :isrc").append(i).append(", :durationMs").append(i)
                    .append(", :status, :source, :albumId, :trackNumber").append(i)
                    .append(", :catalogService").append(i).append(", :catalogId").append(i)
                    .append(", :createdAt, :createdAt)");
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
            CatalogRef catalog = track.catalogRef();
            insert = insert.bind("id" + i, track.trackId())
                    .bind("title" + i, track.title())
                    .bind("artist" + i, track.artist())
                    .bind("isrc" + i, Parameter.fromOrEmpty(track.isrc(), String.class))
                    .bind("durationMs" + i, Parameter.fromOrEmpty(track.durationMs(), Long.class))
                    .bind("trackNumber" + i, track.trackNumber())
                    .bind("catalogService" + i, Parameter.fromOrEmpty(catalog == null ? null : catalog.service(), String.class))
                    .bind("catalogId" + i, Parameter.fromOrEmpty(catalog == null ? null : catalog.id(), String.class));
        }
        return insert.then();
    }

    /** The album with the tracks it still has (a purged track's row is gone), in album order. */
    public Mono<Album> findOwned(String userId, String albumId) {
        Mono<List<AlbumTrack>> tracks = db.sql("""
                        SELECT id, track_number, title, artist, isrc, duration_ms, catalog_service, catalog_id FROM tracks
                        WHERE album_id = :albumId AND user_id = :userId ORDER BY track_number
                        """)
                .bind("albumId", albumId)
                .bind("userId", userId)
                .map(row -> new AlbumTrack(row.get("id", String.class), row.get("track_number", Integer.class),
                        row.get("title", String.class), row.get("artist", String.class), row.get("isrc", String.class),
                        row.get("duration_ms", Long.class), catalogRef(row)))
                .all()
                .collectList();
        return db.sql("SELECT " + ALBUM_COLUMNS + " FROM albums WHERE id = :id AND user_id = :userId")
                .bind("id", albumId)
                .bind("userId", userId)
                .map(AlbumStore::toAlbum)
                .one()
                .zipWith(tracks, (album, listing) -> new Album(album.id(), album.userId(), album.title(),
                        album.artist(), album.createdAt(), listing, album.catalogRef(), album.listing()));
    }

    /**
     * Claims the owner's album for a fetch of its listing now, if it is still unavailable: counts the attempt and
     * leases the timer until {@code leaseUntil}, so that the sweeper does not fetch it at the same time.
     */
    Mono<Album> claimListing(String userId, String albumId, Instant leaseUntil) {
        return db.sql("""
                        UPDATE albums SET listing_attempts = listing_attempts + 1, listing_due_at = :leaseUntil
                         WHERE id = :id AND user_id = :userId AND listing_status = 'UNAVAILABLE'
                        RETURNING\s""" + ALBUM_COLUMNS)
                .bind("id", albumId)
                .bind("userId", userId)
                .bind("leaseUntil", leaseUntil)
                .map(AlbumStore::toAlbum)
                .one();
    }

    /** One batch of albums whose listing fetch is due, claimed as {@link #claimListing} does; oldest due first. */
    Flux<Album> claimDueListings(Instant now, Instant leaseUntil, int limit) {
        return db.sql("""
                        UPDATE albums a SET listing_attempts = a.listing_attempts + 1, listing_due_at = :leaseUntil
                          FROM (SELECT id FROM albums
                                 WHERE listing_status = 'UNAVAILABLE' AND listing_due_at <= :now
                                 ORDER BY listing_due_at
                                 LIMIT :limit
                                   FOR UPDATE SKIP LOCKED) due
                         WHERE a.id = due.id
                        RETURNING\s""" + prefixed(ALBUM_COLUMNS))
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .bind("limit", limit)
                .map(AlbumStore::toAlbum)
                .all();
    }

    /**
     * Marks the listing available with the catalog's title and artist where the album had none; empty when it was
     * available already (another fetch won): then nothing else may be written.
     */
    Mono<Album> markListed(Album album, String title, String artist) {
        return db.sql("""
                        UPDATE albums SET title = coalesce(title, :title), artist = coalesce(artist, :artist),
                                          listing_status = 'AVAILABLE', listing_due_at = NULL, listing_error = NULL
                         WHERE id = :id AND listing_status = 'UNAVAILABLE'
                        RETURNING\s""" + ALBUM_COLUMNS)
                .bind("id", album.id())
                .bind("title", title)
                .bind("artist", artist)
                .map(AlbumStore::toAlbum)
                .one();
    }

    /** Records a failed fetch and when the next is due (null: the timer gives up); only while still unavailable. */
    Mono<Album> recordListingFailure(String albumId, String error, Instant nextAttemptAt) {
        return db.sql("""
                        UPDATE albums SET listing_error = :error, listing_due_at = :dueAt
                         WHERE id = :id AND listing_status = 'UNAVAILABLE'
                        RETURNING\s""" + ALBUM_COLUMNS)
                .bind("id", albumId)
                .bind("error", error)
                .bind("dueAt", Parameter.fromOrEmpty(nextAttemptAt, Instant.class))
                .map(AlbumStore::toAlbum)
                .one();
    }

    Mono<Long> countDueListings(Instant now) {
        return db.sql("SELECT count(*) AS n FROM albums WHERE listing_status = 'UNAVAILABLE' AND listing_due_at <= :now")
                .bind("now", now)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    private static String prefixed(String columns) {
        return String.join(", ", java.util.Arrays.stream(columns.split(","))
                .map(column -> "a." + column.strip()).toList());
    }

    private static Album toAlbum(Readable row) {
        String service = row.get("catalog_service", String.class);
        return new Album(row.get("id", String.class), row.get("user_id", String.class),
                row.get("title", String.class), row.get("artist", String.class),
                row.get("created_at", Instant.class), List.of(),
                service == null ? null : new CatalogRef(service, row.get("catalog_id", String.class)),
                new ListingState(ListingStatus.valueOf(row.get("listing_status", String.class)),
                        row.get("listing_attempts", Integer.class), row.get("listing_due_at", Instant.class),
                        row.get("listing_error", String.class)));
    }

    private static CatalogRef catalogRef(Readable row) {
        String service = row.get("catalog_service", String.class);
        return service == null ? null : new CatalogRef(service, row.get("catalog_id", String.class));
    }
}
