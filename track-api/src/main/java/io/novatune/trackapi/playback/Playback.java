package io.novatune.trackapi.playback;

import io.novatune.trackapi.storage.ObjectStorage;
import io.novatune.trackapi.track.ArchiveState;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackLibrary;
import io.novatune.trackapi.track.TrackSource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

/**
 * Where a track's audio can be fetched right now. Our copy wins (the uploaded file, or the archived copy of a
 * provider track), as a short-lived presigned URL; else the provider's own link while it is valid.
 */
@Service
public class Playback {

    private final TrackLibrary library;
    private final ObjectStorage storage;
    private final PlaybackPolicy policy;
    private final Clock clock;

    public Playback(TrackLibrary library, ObjectStorage storage, PlaybackPolicy policy, Clock clock) {
        this.library = library;
        this.storage = storage;
        this.policy = policy;
        this.clock = clock;
    }

    /** The URL to play the user's track from; 404 for another user's, 410 for a deleted one, 409 when none exists. */
    public Mono<URI> locate(String userId, String trackId) {
        return library.find(userId, trackId).flatMap(this::locate);
    }

    private Mono<URI> locate(Track track) {
        switch (track.status()) {
            case DELETED:
                return Mono.error(new PlaybackGoneException(track.id(), track.deletion() == null
                        ? null : track.deletion().scheduledDeletionAt()));
            case PURGING, DELETE_FAILED:
                return Mono.error(new PlaybackGoneException(track.id(), null));
            default:
                break;
        }
        if (track.audio() != null && track.audio().objectKey() != null) {
            return storage.presignedGet(track.audio().objectKey(), policy.urlTtl());
        }
        ArchiveState archive = track.archive();
        if (archive != null && archive.archived() && archive.audioKey() != null) {
            return storage.presignedGet(archive.audioKey(), policy.urlTtl());
        }
        Instant now = clock.instant();
        if (track.provider() != null && track.provider().audioUrl() != null) {
            if (track.provider().validAt(now)) {
                return Mono.just(URI.create(track.provider().audioUrl()));
            }
            return Mono.error(new NothingToPlayException(track.id(),
                    "the provider's link expired at " + track.provider().expiresAt() + " and no copy was archived"));
        }
        return Mono.error(new NothingToPlayException(track.id(), track.source() == TrackSource.CATALOG
                ? "it is a catalog track, played in its catalog" : "no audio was stored"));
    }
}
