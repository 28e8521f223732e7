package io.novatune.trackapi.album;

import com.github.f4b6a3.ulid.UlidCreator;
import org.springframework.stereotype.Service;
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
 *
 * <p>An album added by its catalog reference alone is listed by the catalog first ({@link AlbumListings}).
 */
@Service
public class AlbumLibrary {

    private final AlbumStore albums;
    private final AlbumListings listings;
    private final Clock clock;

    public AlbumLibrary(AlbumStore albums, AlbumListings listings, Clock clock) {
        this.albums = albums;
        this.listings = listings;
        this.clock = clock;
    }

    public Mono<Album> add(AddAlbum command, String traceparent) {
        return Mono.defer(() -> {
            // Events carry milliseconds; store what the event says.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (command.listingFromCatalog()) {
                return listings.addListedByCatalog(command, now, traceparent);
            }
            List<AlbumTrack> tracks = command.tracks().stream()
                    .sorted(Comparator.comparingInt(AddAlbum.Listing::trackNumber))
                    .map(listing -> new AlbumTrack(newId(), listing.trackNumber(), listing.title(),
                            listing.artist() == null ? command.artist() : listing.artist(), listing.isrc(),
                            listing.durationMs(), null))
                    .toList();
            return listings.announced(new Album(newId(), command.userId(), command.title(), command.artist(), now, tracks,
                    command.catalogRef(), ListingState.GIVEN), traceparent);
        });
    }

    public Mono<Album> find(String userId, String albumId) {
        return albums.findOwned(userId, albumId)
                .switchIfEmpty(Mono.error(() -> new AlbumNotFoundException(albumId)));
    }

    static String newId() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
