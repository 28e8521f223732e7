package io.novatune.trackapi.album;

import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.quota.Quotas;
import io.novatune.trackapi.quota.TrackLimitReachedException;
import io.novatune.trackapi.track.CatalogRef;
import io.novatune.platform.problem.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Albums whose listing comes from a streaming catalog. Added by their catalog reference alone, they are listed by the
 * catalog before they are saved; when the catalog cannot list one, it is saved all the same, without tracks and
 * {@code UNAVAILABLE} (fail-open), and its listing is fetched again on request
 * ({@code refresh-listing}) and by the due-timer, with back-off ({@link AlbumListingPolicy}). A fetch claims the
 * album first (one more attempt, the timer leased), so the sweepers of other replicas leave it alone; the tracks,
 * the available status and {@code AlbumAdded} are then written in one transaction, conditional on the listing still
 * being unavailable, so that two fetches that race publish one {@code AlbumAdded}.
 */
@Service
public class AlbumListings {

    static final String LISTING_ERROR = "album_track_listing_error";
    private static final Logger log = LoggerFactory.getLogger(AlbumListings.class);
    private static final int ERROR_MAX = 1000;

    private final AlbumStore albums;
    private final AlbumCatalogs catalogs;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final AlbumListingPolicy policy;
    private final Quotas quotas;

    public AlbumListings(AlbumStore albums, AlbumCatalogs catalogs, Outbox outbox, TransactionalOperator transaction,
                         Clock clock, AlbumListingPolicy policy, Quotas quotas) {
        this.quotas = quotas;
        this.albums = albums;
        this.catalogs = catalogs;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Adds the album its catalog lists: with its tracks and {@code AlbumAdded}, or {@code UNAVAILABLE} without them
     * when the catalog cannot list it now. A catalog that has no such album is a 422, and nothing is added.
     */
    Mono<Album> addListedByCatalog(AddAlbum command, Instant now, String traceparent) {
        AlbumCatalog catalog = catalogs.of(command.catalogRef().service());
        Album pending = new Album(AlbumLibrary.newId(), command.userId(), command.title(), command.artist(), now,
                List.of(), new CatalogRef(catalog.service(), command.catalogRef().id()), null);
        return catalog.album(pending.catalogRef().id())
                .map(listed -> listed(pending, listed))
                .onErrorResume(CatalogUnavailableException.class, unavailable -> {
                    logFailure(pending, 1, unavailable);
                    return Mono.just(new Album(pending.id(), pending.userId(), pending.title(), pending.artist(), now,
                            List.of(), pending.catalogRef(), new ListingState(ListingStatus.UNAVAILABLE, 1,
                            policy.nextAttempt(now, 1, unavailable.retryAfter()), describe(unavailable))));
                })
                .flatMap(album -> album.listing().available()
                        ? announced(album, traceparent)
                        // No AlbumAdded yet: it is published with the tracks, once the catalog lists them.
                        : albums.insert(album));
    }

    /** The album and its tracks saved, and its {@code AlbumAdded} appended, in one transaction. */
    Mono<Album> announced(Album album, String traceparent) {
        return quotas.admitTracks(album.userId(), album.tracks().size())
                .then(albums.insert(album))
                .flatMap(added -> outbox.append(AlbumEvents.added(added, added.createdAt(), traceparent)).thenReturn(added))
                .as(transaction::transactional);
    }

    /**
     * Fetches the owner's album's listing now. Answers the album as it is then: {@code AVAILABLE} with its tracks, or
     * still {@code UNAVAILABLE} with the new error and next attempt. 404 for an unknown (or another user's) album,
     * 409 for one whose listing is available already.
     */
    public Mono<Album> refresh(String userId, String albumId, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return albums.claimListing(userId, albumId, now.plus(policy.lease()))
                    .flatMap(claimed -> fetch(claimed, now, traceparent).thenReturn(claimed))
                    .switchIfEmpty(Mono.defer(() -> albums.findOwned(userId, albumId)
                            .switchIfEmpty(Mono.error(() -> new AlbumNotFoundException(albumId)))
                            .flatMap(available -> Mono.error(new AlbumListingAvailableException(albumId)))))
                    .then(Mono.defer(() -> albums.findOwned(userId, albumId)));
        });
    }

    /** One batch of due listings fetched (the timer); answers how many were claimed. */
    public Mono<Integer> fireDue(String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return albums.claimDueListings(now, now.plus(policy.lease()), policy.batchSize())
                    .concatMap(claimed -> fetch(claimed, now, traceparent)
                            .onErrorResume(error -> {
                                // The lease runs out and the next sweep tries again.
                                log.warn("Fetching the listing of album {} failed", claimed.id(), error);
                                return Mono.empty();
                            })
                            .thenReturn(claimed))
                    .count()
                    .map(Long::intValue)
                    .doOnNext(fired -> {
                        if (fired > 0) {
                            log.info("Timer album listing fetched {} album(s)", fired);
                        }
                    });
        });
    }

    /** Albums whose listing fetch is due and not claimed yet. */
    public Mono<Long> dueBacklog() {
        return Mono.defer(() -> albums.countDueListings(now()));
    }

    /** Fetches a claimed album's listing and completes it, or records the failure; empty when done. */
    private Mono<Void> fetch(Album claimed, Instant now, String traceparent) {
        int attempt = claimed.listing().attempts();
        return Mono.defer(() -> catalogs.of(claimed.catalogRef().service()).album(claimed.catalogRef().id()))
                .flatMap(listed -> complete(listed(claimed, listed), now, traceparent))
                .onErrorResume(CatalogUnavailableException.class, unavailable -> {
                    logFailure(claimed, attempt, unavailable);
                    return albums.recordListingFailure(claimed.id(), describe(unavailable),
                            policy.nextAttempt(now, attempt, unavailable.retryAfter())).then();
                })
                .onErrorResume(InvalidRequestException.class, noAdapter -> {
                    // The service's adapter was switched off since the album was added.
                    logFailure(claimed, attempt, noAdapter);
                    return albums.recordListingFailure(claimed.id(), "no catalog adapter for " + claimed.catalogRef().service(),
                            null).then();
                })
                .onErrorResume(TrackLimitReachedException.class, full -> {
                    // Asking the catalog again changes nothing; a refresh once the user made room does.
                    logFailure(claimed, attempt, full);
                    return albums.recordListingFailure(claimed.id(), "the library's track limit would be passed: "
                            + full.getBody().getDetail(), null).then();
                })
                .onErrorResume(CatalogAlbumUnknownException.class, unknown -> {
                    // Gone from the catalog (or from our country): no point in asking again by the timer.
                    logFailure(claimed, attempt, unknown);
                    return albums.recordListingFailure(claimed.id(), "the catalog has no such album", null).then();
                });
    }

    private Mono<Void> complete(Album listed, Instant now, String traceparent) {
        return albums.markListed(listed, listed.title(), listed.artist())
                .flatMap(marked -> quotas.admitTracks(listed.userId(), listed.tracks().size())
                        .then(albums.insertTracks(listed))
                        .then(outbox.append(AlbumEvents.added(listed, now, traceparent))))
                .as(transaction::transactional);
    }

    /**
     * The album with the catalog's listing: numbered in album order from 1, each track's artist the album's where the
     * catalog names none, the title and artist the caller gave kept over the catalog's.
     */
    static Album listed(Album album, CatalogAlbum listed) {
        String title = album.title() != null ? album.title() : listed.title();
        String artist = album.artist() != null ? album.artist() : listed.artist();
        String service = album.catalogRef().service();
        List<AlbumTrack> tracks = new ArrayList<>();
        for (CatalogAlbum.Track track : listed.tracks()) {
            tracks.add(new AlbumTrack(AlbumLibrary.newId(), tracks.size() + 1, track.title(),
                    track.artist() == null ? artist : track.artist(), track.isrc(), track.durationMs(),
                    new CatalogRef(service, track.catalogId())));
        }
        return album.withTracks(title, artist, List.copyOf(tracks));
    }

    private static void logFailure(Album album, int attempt, RuntimeException error) {
        log.atWarn()
                .addKeyValue("event", LISTING_ERROR)
                .addKeyValue("albumId", album.id())
                .addKeyValue("userId", album.userId())
                .addKeyValue("service", album.catalogRef().service())
                .addKeyValue("catalogId", album.catalogRef().id())
                .addKeyValue("attempt", attempt)
                .addKeyValue("error", describe(error))
                .log("The track listing of album {} could not be fetched from {}; the album is kept without it",
                        album.id(), album.catalogRef().service());
    }

    private static String describe(RuntimeException error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.length() <= ERROR_MAX ? message : message.substring(0, ERROR_MAX);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
