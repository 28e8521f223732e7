package io.novatune.trackapi.deletion;

import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackNotFoundException;
import io.novatune.trackapi.track.TrackPolicy;
import io.novatune.trackapi.track.TrackStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A user's soft delete and restore. Each state change commits together with its event, or not at all. */
@Service
public class TrackDeletion {

    private final DeletionStore store;
    private final TrackStore tracks;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final TrackPolicy policy;

    public TrackDeletion(DeletionStore store, TrackStore tracks, Outbox outbox, TransactionalOperator transaction,
                         Clock clock, TrackPolicy policy) {
        this.store = store;
        this.tracks = tracks;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Soft-deletes a visible track, restorable for the grace period. A track that is already deleted
     * answers its existing deletion and publishes nothing: DELETE is idempotent, also once the track is purged
     * (its owner is told so while its tombstone is kept; anyone else gets 404).
     */
    public Mono<SoftDeletion> delete(String userId, String trackId, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return store.softDelete(userId, trackId, now, now.plus(policy.deletionGracePeriod()))
                    .flatMap(track -> outbox.append(DeletionEvents.deleted(track, traceparent)).thenReturn(track))
                    .as(transaction::transactional)
                    .map(TrackDeletion::softDeletion)
                    .switchIfEmpty(Mono.defer(() -> existingDeletion(userId, trackId, traceparent)));
        });
    }

    private Mono<SoftDeletion> existingDeletion(String userId, String trackId, String traceparent) {
        return tracks.findOwned(userId, trackId)
                // Visible again means a restore committed between our update and this read: delete it anew.
                .flatMap(track -> track.visible() ? delete(userId, trackId, traceparent) : Mono.just(softDeletion(track)))
                .switchIfEmpty(Mono.defer(() -> store.purgedAt(userId, trackId)
                        .map(purgedAt -> SoftDeletion.purged(trackId, purgedAt))))
                .switchIfEmpty(Mono.error(() -> new TrackNotFoundException(trackId)));
    }

    /**
     * Back to the status it had before deletion, only while it is deleted and its deadline has not
     * passed. The purge timer claims the row with the opposite condition, so at most one of them wins.
     */
    public Mono<Track> restore(String userId, String trackId, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return store.restore(userId, trackId, now)
                    .flatMap(track -> outbox.append(DeletionEvents.restored(track, now, traceparent)).thenReturn(track))
                    .as(transaction::transactional)
                    .switchIfEmpty(Mono.defer(() -> whyNotRestored(userId, trackId)));
        });
    }

    private Mono<Track> whyNotRestored(String userId, String trackId) {
        return tracks.findOwned(userId, trackId)
                .switchIfEmpty(Mono.error(() -> new TrackNotFoundException(trackId)))
                .flatMap(track -> Mono.error(track.visible()
                        ? new NotDeletedException(trackId)
                        : new RestorePeriodOverException(trackId,
                                track.deletion() == null ? null : track.deletion().scheduledDeletionAt())));
    }

    private static SoftDeletion softDeletion(Track track) {
        return new SoftDeletion(track.id(), track.deletion().deletedAt(), track.deletion().scheduledDeletionAt(), null);
    }

    /** PostgreSQL keeps microseconds and events keep milliseconds: store what the event says. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
