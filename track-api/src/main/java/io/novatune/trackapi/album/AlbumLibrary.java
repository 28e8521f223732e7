package io.novatune.trackapi.album;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.track.CatalogRef;
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
 *
 * <p>An album added by its catalog reference alone is listed by the catalog before it is saved. When the catalog
 * cannot list it, the album is saved all the same, without tracks and {@code UNAVAILABLE} (fail-open), and
 * {@link AlbumListings} fetches the listing later.
 */
@Service
public class AlbumLibrary {

    private final AlbumStore albums;
    private final AlbumCatalogs catalogs;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final AlbumListingPolicy policy;

    public AlbumLibrary(AlbumStore albums, AlbumCatalogs catalogs, Outbox outbox, TransactionalOperator transaction,
                        Clock clock, AlbumListingPolicy policy) {
        this.albums = albums;
        this.catalogs = catalogs;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.policy = policy;
    }

    public Mono<Album> add(AddAlbum command, String traceparent) {
        return Mono.defer(() -> {
            // Events carry milliseconds; store what the event says.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String albumId = newId();
            if (!command.listingFromCatalog()) {
                List<AlbumTrack> tracks = command.tracks().stream()
                        .sorted(Comparator.comparingInt(AddAlbum.Listing::trackNumber))
                        .map(listing -> new AlbumTrack(newId(), listing.trackNumber(), listing.title(),
                                listing.artist() == null ? command.artist() : listing.artist(), listing.isrc(),
                                listing.durationMs(), null))
                        .toList();
                return announced(new Album(albumId, command.userId(), command.title(), command.artist(), now, tracks,
                        command.catalogRef(), ListingState.GIVEN), traceparent);
            }
            CatalogRef ref = command.catalogRef();
            AlbumCatalog catalog = catalogs.of(ref.service());
            Album pending = new Album(albumId, command.userId(), command.title(), command.artist(), now, List.of(),
                    new CatalogRef(catalog.service(), ref.id()), null);
            return catalog.album(ref.id())
                    .map(listed -> AlbumListings.listed(pending, listed))
                    .onErrorResume(CatalogUnavailableException.class, unavailable -> {
                        AlbumListings.logFailure(pending, 1, unavailable);
                        return Mono.just(new Album(pending.id(), pending.userId(), pending.title(), pending.artist(),
                                now, List.of(), pending.catalogRef(), new ListingState(ListingStatus.UNAVAILABLE, 1,
                                policy.nextAttempt(now, 1, unavailable.retryAfter()),
                                AlbumListings.describe(unavailable))));
                    })
                    .flatMap(album -> album.listing().available()
                            ? announced(album, traceparent)
                            // No AlbumAdded yet: it is published with the tracks, once the catalog lists them.
                            : albums.insert(album));
        });
    }

    private Mono<Album> announced(Album album, String traceparent) {
        return albums.insert(album)
                .flatMap(added -> outbox.append(AlbumEvents.added(added, added.createdAt(), traceparent)).thenReturn(added))
                .as(transaction::transactional);
    }

    public Mono<Album> find(String userId, String albumId) {
        return albums.findOwned(userId, albumId)
                .switchIfEmpty(Mono.error(() -> new AlbumNotFoundException(albumId)));
    }

    static String newId() {
        return UlidCreator.getMonotonicUlid().toString();
    }
}
