package io.novatune.trackapi.playback;

import io.novatune.trackapi.storage.ObjectStorage;
import io.novatune.trackapi.storage.StoredBytes;
import io.novatune.trackapi.track.ArchiveState;
import io.novatune.trackapi.track.ProviderLinks;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackLibrary;
import io.novatune.trackapi.track.TrackSource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Where a track's audio, cover or video can be fetched right now, and the bytes of our copies. Our copy wins (the
 * uploaded file, or the archived copy of a provider track), as a short-lived signed link to {@code /api/v1/playback}
 * that this service serves, checking the track on every request, so that nothing of a deleted track is served once
 * the DELETE answered; else the provider's own link while it is valid.
 */
@Service
public class Playback {

    private final TrackLibrary library;
    private final ObjectStorage storage;
    private final PlaybackPolicy policy;
    private final PlaybackTickets tickets;
    private final Clock clock;

    public Playback(TrackLibrary library, ObjectStorage storage, PlaybackPolicy policy, PlaybackTickets tickets,
                    Clock clock) {
        this.library = library;
        this.storage = storage;
        this.policy = policy;
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The URL to play the user's track from; 404 for another user's, 410 for a deleted one, 409 when none exists. */
    public Mono<URI> locate(String userId, String trackId) {
        return library.find(userId, trackId).flatMap(this::locate);
    }

    /**
     * Where a provider track's cover or video is: our archived copy, else the provider's link while it is valid.
     * 410 when the link expired before a copy was made (or the track was deleted); 404 when the track has none.
     */
    public Mono<URI> locate(String userId, String trackId, Asset asset) {
        return library.find(userId, trackId).flatMap(track -> refuseDeleted(track).then(Mono.defer(() -> {
            if (ourCopy(track, asset) != null) {
                return Mono.just(link(track, asset));
            }
            String link = track.provider() == null ? null : asset.providerLink.apply(track.provider());
            if (link == null) {
                return Mono.error(new NoSuchAssetException(track.id(), asset.apiName));
            }
            if (track.provider().validAt(clock.instant())) {
                return providerLink(track, link);
            }
            return Mono.error(PlaybackGoneException.linkExpired(track.id(), asset.apiName, track.provider().expiresAt()));
        })));
    }

    /**
     * Our copy's bytes, or the range of them asked for, to whoever holds a valid link: 403 for a link we did not sign
     * or that expired, 410 once the track was deleted, 404 when the copy is gone.
     */
    public Mono<StoredBytes> open(String link, String range) {
        return Mono.fromCallable(() -> tickets.redeem(link, clock.instant()))
                .flatMap(ticket -> library.find(ticket.userId(), ticket.trackId())
                        .flatMap(track -> refuseDeleted(track).then(Mono.defer(() -> {
                            String key = ourCopy(track, ticket.asset());
                            return key == null ? Mono.empty() : storage.read(key, range);
                        })))
                        .switchIfEmpty(Mono.error(() -> new NoSuchAssetException(ticket.trackId(), ticket.asset().apiName))));
    }

    /** A track's audio, cover and video. */
    public enum Asset {
        AUDIO("audio", ArchiveState::audioKey, ProviderLinks::audioUrl),
        COVER("cover", ArchiveState::coverKey, ProviderLinks::coverUrl),
        VIDEO("video", ArchiveState::videoKey, ProviderLinks::videoUrl);

        private final String apiName;
        private final Function<ArchiveState, String> archivedKey;
        private final Function<ProviderLinks, String> providerLink;

        Asset(String apiName, Function<ArchiveState, String> archivedKey, Function<ProviderLinks, String> providerLink) {
            this.apiName = apiName;
            this.archivedKey = archivedKey;
            this.providerLink = providerLink;
        }
    }

    private static Mono<Void> refuseDeleted(Track track) {
        switch (track.status()) {
            case DELETED:
                return Mono.error(new PlaybackGoneException(track.id(), track.deletion() == null
                        ? null : track.deletion().scheduledDeletionAt()));
            case PURGING, DELETE_FAILED:
                return Mono.error(new PlaybackGoneException(track.id(), null));
            default:
                return Mono.empty();
        }
    }

    /** A link stored before links were checked on the way in may not parse: that is nothing to play, not a 500. */
    private static Mono<URI> providerLink(Track track, String link) {
        try {
            return Mono.just(URI.create(link));
        } catch (IllegalArgumentException e) {
            return Mono.error(new NothingToPlayException(track.id(), "the provider's link is not a valid URI"));
        }
    }

    private Mono<URI> locate(Track track) {
        return refuseDeleted(track).then(Mono.defer(() -> locateAudio(track)));
    }

    /** The key of our copy of the asset: the uploaded file, or what the archiver copied; null when we have none. */
    private static String ourCopy(Track track, Asset asset) {
        if (asset == Asset.AUDIO && track.audio() != null && track.audio().objectKey() != null) {
            return track.audio().objectKey();
        }
        ArchiveState archive = track.archive();
        return archive != null && archive.archived() ? asset.archivedKey.apply(archive) : null;
    }

    /** Where the player fetches our copy: this service, for as long as the policy's URL lifetime. */
    private URI link(Track track, Asset asset) {
        String ticket = tickets.issue(new PlaybackTickets.Ticket(track.id(), track.userId(), asset,
                clock.instant().plus(policy.urlTtl())));
        return URI.create(PlaybackController.PLAYBACK_PATH + ticket);
    }

    private Mono<URI> locateAudio(Track track) {
        if (ourCopy(track, Asset.AUDIO) != null) {
            return Mono.just(link(track, Asset.AUDIO));
        }
        Instant now = clock.instant();
        if (track.provider() != null && track.provider().audioUrl() != null) {
            if (track.provider().validAt(now)) {
                return providerLink(track, track.provider().audioUrl());
            }
            return Mono.error(new NothingToPlayException(track.id(),
                    "the provider's link expired at " + track.provider().expiresAt() + " and no copy was archived"));
        }
        return Mono.error(new NothingToPlayException(track.id(), track.source() == TrackSource.CATALOG
                ? "it is a catalog track, played in its catalog" : "no audio was stored"));
    }
}
