package io.novatune.trackapi.album;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.trackapi.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Albums in a user's library. An album's tracks are catalog tracks of the library like any other, added with the
 * album in one transaction and announced by one {@code AlbumAdded} (not a {@code TrackAdded} each): the
 * ingestion scheduler checks an album's ISRCs as one batch.
 */
@Service
public class AlbumLibrary {

    private final AlbumStore albums;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public AlbumLibrary(AlbumStore albums, Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.albums = albums;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Mono<Album> add(AddAlbum command, String traceparent) {
        // Events carry milliseconds; store what the event says.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<AlbumTrack> tracks = command.tracks().stream()
                .sorted(Comparator.comparingInt(AddAlbum.Listing::trackNumber))
                .map(listing -> new AlbumTrack(newId(), listing.trackNumber(), listing.title(),
                        listing.artist() == null ? command.artist() : listing.artist(), listing.isrc(),
                        listing.durationMs()))
                .toList();
        Album album = new Album(newId(), command.userId(), command.title(), command.artist(), now, tracks);
        return albums.insert(album)
                .flatMap(added -> outbox.append(AlbumEvents.added(added, traceparent)).thenReturn(added))
                .as(transaction::transactional);
    }

    public Mono<Album> find(String userId, String albumId) {
        return albums.findOwned(userId, albumId)
                .switchIfEmpty(Mono.error(() -> new AlbumNotFoundException(albumId)));
    }

    private static String newId() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
