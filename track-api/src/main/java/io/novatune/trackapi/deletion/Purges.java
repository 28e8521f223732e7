package io.novatune.trackapi.deletion;

import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackNotFoundException;
import io.novatune.trackapi.track.TrackStatus;
import io.novatune.trackapi.track.TrackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Physical deletion requests: the purge timer, its reconciler, and what admins do about stuck
 * purges. Every path claims rows and appends their {@code TrackPurgeDue} in one transaction.
 */
@Service
public class Purges {

    private static final Logger log = LoggerFactory.getLogger(Purges.class);
    /** Tracks claimed per transaction by a user-wide purge. */
    private static final int USER_PURGE_BATCH = 500;

    private final DeletionStore store;
    private final TrackStore tracks;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final PurgePolicy policy;

    public Purges(DeletionStore store, TrackStore tracks, Outbox outbox, TransactionalOperator transaction, Clock clock,
                  PurgePolicy policy) {
        this.store = store;
        this.tracks = tracks;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.policy = policy;
    }

    /** One batch of tracks whose grace period is over → {@code PURGING}; answers how many. */
    public Mono<Integer> fireDue(int limit, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return requestPurges(store.claimDuePurges(now, limit), now, traceparent)
                    .doOnNext(fired -> logFired("purge", fired));
        });
    }

    /** One batch of purges that got no answer in time, sent again with the next attempt number. */
    public Mono<Integer> resendStale(int limit, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return requestPurges(store.claimStalePurges(now.minus(policy.resendAfter()), policy.maxAttempts(), now, limit),
                    now, traceparent)
                    .doOnNext(fired -> logFired("purge re-send", fired));
        });
    }

    /** One batch of purges whose every attempt went unanswered → {@code DELETE_FAILED}, for an operator. */
    public Mono<Integer> giveUpStale(int limit) {
        return Mono.defer(() -> {
            Instant now = now();
            return store.giveUpStalePurges(now.minus(policy.resendAfter()), policy.maxAttempts(), now, limit)
                    .doOnNext(track -> log.warn("Purge of track {} of user {} gave up after {} attempts: DELETE_FAILED",
                            track.id(), track.userId(), track.deletion().purgeAttempts()))
                    .count()
                    .map(Long::intValue)
                    .as(transaction::transactional);
        });
    }

    /** An operator's retry of a purge that gave up: attempts start again from 1. */
    public Mono<Track> retryFailed(String trackId, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return store.retryFailedPurge(trackId, now)
                    .flatMap(track -> outbox.append(DeletionEvents.purgeDue(track, now, traceparent)).thenReturn(track))
                    .as(transaction::transactional)
                    .switchIfEmpty(Mono.defer(() -> tracks.findById(trackId)
                            .switchIfEmpty(Mono.error(() -> new TrackNotFoundException(trackId)))
                            .flatMap(track -> Mono.error(new PurgeNotFailedException(trackId, track.status())))));
        });
    }

    /**
     * Every track of a user that is not already being purged → {@code PURGING} now, grace period or
     * not ("delete my account"), through the same {@code TrackPurgeDue} as the timer. Batches of
     * {@value #USER_PURGE_BATCH}, each its own transaction, so that a large library does not hold one huge
     * transaction; an interrupted run is completed by calling it again. Answers how many were claimed.
     */
    public Mono<Long> purgeUser(String userId, String traceparent) {
        return purgeUserBatch(userId, traceparent)
                .expand(claimed -> claimed < USER_PURGE_BATCH ? Mono.empty() : purgeUserBatch(userId, traceparent))
                .reduce(0L, Long::sum)
                .doOnNext(total -> log.info("User purge of {}: {} track(s) claimed for physical deletion", userId, total));
    }

    private Mono<Long> purgeUserBatch(String userId, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return requestPurges(store.claimUserTracks(userId, now, USER_PURGE_BATCH), now, traceparent)
                    .map(Integer::longValue);
        });
    }

    public Flux<Track> list(TrackStatus status, String afterId, int limit) {
        return store.listByStatus(status, afterId, limit);
    }

    /** Deleted tracks whose deadline has passed and that no sweep has claimed yet. */
    public Mono<Long> dueBacklog() {
        return Mono.defer(() -> store.countDuePurges(now()));
    }

    /** Purges waiting for an answer longer than the re-send threshold. */
    public Mono<Long> staleBacklog() {
        return Mono.defer(() -> store.countStalePurges(now().minus(policy.resendAfter())));
    }

    /**
     * The claimed rows are read in full before the outbox writes, so the connection is not asked for
     * a new statement while it still streams the claim's results.
     */
    private Mono<Integer> requestPurges(Flux<Track> claimed, Instant now, String traceparent) {
        return claimed.collectList()
                .flatMap(list -> Flux.fromIterable(list)
                        .concatMap(track -> outbox.append(DeletionEvents.purgeDue(track, now, traceparent)))
                        .then(Mono.just(list)))
                .map(List::size)
                .as(transaction::transactional);
    }

    private static void logFired(String timer, int fired) {
        if (fired > 0) {
            log.info("Timer {} fired for {} track(s)", timer, fired);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
