package io.novatune.trackapi.archive;

import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.track.ProviderLinkPolicy;
import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackGoneException;
import io.novatune.trackapi.track.TrackNotFoundException;
import io.novatune.trackapi.track.TrackSource;
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
 * Copies of provider-hosted assets: the archive timer, "archive now", an operator's batch run, the jobs view and
 * statistics. Each {@code ArchiveDue} is appended in the transaction that counts its attempt.
 */
@Service
public class Archiving {

    private static final Logger log = LoggerFactory.getLogger(Archiving.class);

    private final ArchiveStore store;
    private final TrackStore tracks;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final ArchivePolicy policy;
    private final ProviderLinkPolicy links;

    public Archiving(ArchiveStore store, TrackStore tracks, Outbox outbox, TransactionalOperator transaction,
                     Clock clock, ArchivePolicy policy, ProviderLinkPolicy links) {
        this.store = store;
        this.tracks = tracks;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.policy = policy;
        this.links = links;
    }

    /** One batch of due archives → {@code ArchiveDue}; answers how many. */
    public Mono<Integer> fireDue(int limit, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return send(store.claimDue(now, now.plus(policy.lease()), links.defaultLinkLifetime(), limit), now, traceparent)
                    .map(List::size)
                    .doOnNext(fired -> {
                        if (fired > 0) {
                            log.info("Timer archive fired for {} track(s)", fired);
                        }
                    });
        });
    }

    /**
     * An operator's batch run: up to {@code limit} archives that are due, or urgent (links expiring within
     * {@code novatune.archive.urgent-within}) though the timer waits on a lease or a back-off, are sent now, most
     * urgent first, as the timer sends them. A track whose archiving stopped for good is not among them.
     */
    public Mono<ArchiveRun> runNow(int limit, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            return send(store.claimDueOrUrgent(now, now.plus(policy.urgentWithin()), now.plus(policy.lease()),
                            links.defaultLinkLifetime(), limit), now, traceparent)
                    .map(claimed -> new ArchiveRun(claimed.size(), claimed.stream().map(Track::id).toList()))
                    .doOnNext(run -> log.atInfo().addKeyValue("requested", run.requested())
                            .addKeyValue("limit", limit).log("Archive run requested by an operator"));
        });
    }

    private Mono<List<Track>> send(Flux<Track> claims, Instant now, String traceparent) {
        return claims.collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed)
                        .concatMap(track -> outbox.append(
                                ArchiveEvents.archiveDue(track, links.expiryOf(track), now, traceparent)))
                        .then(Mono.just(claimed)))
                .as(transaction::transactional);
    }

    /** One batch of due timers that cannot fire any more (links expired, track purged); answers how many. */
    public Mono<Integer> disarmUnfireable(int limit) {
        return Mono.defer(() -> store.disarmUnfireable(now(), links.defaultLinkLifetime(), limit)
                .doOnNext(disarmed -> {
                    if (disarmed.expired()) {
                        log.warn("Track {} of user {} was not archived before its provider links expired",
                                disarmed.trackId(), disarmed.userId());
                    }
                })
                .count()
                .map(Long::intValue)
                .as(transaction::transactional));
    }

    /**
     * Sends an {@code ArchiveDue} now for a provider track that is not archived yet. {@code asAdmin}
     * may archive any user's track; anyone else only their own (another user's answers 404).
     */
    public Mono<ArchiveRequest> archiveNow(String callerId, boolean asAdmin, String trackId, String traceparent) {
        return Mono.defer(() -> {
            Instant now = now();
            String owner = asAdmin ? null : callerId;
            return store.claimNow(trackId, owner, now, now.plus(policy.lease()), links.defaultLinkLifetime())
                    .flatMap(track -> {
                        Instant expiry = links.expiryOf(track);
                        return outbox.append(ArchiveEvents.archiveDue(track, expiry, now, traceparent))
                                .thenReturn(new ArchiveRequest(track.id(), track.archive().attempts(), now, expiry));
                    })
                    .as(transaction::transactional)
                    .switchIfEmpty(Mono.defer(() -> whyNotArchivable(owner, trackId)));
        });
    }

    private Mono<ArchiveRequest> whyNotArchivable(String owner, String trackId) {
        Mono<Track> found = owner == null ? tracks.findById(trackId) : tracks.findOwned(owner, trackId);
        return found
                .switchIfEmpty(Mono.error(() -> new TrackNotFoundException(trackId)))
                .flatMap(track -> Mono.error(track.visible()
                        ? new NotArchivableException(trackId, reason(track))
                        : new TrackGoneException(track)));
    }

    private String reason(Track track) {
        if (track.source() != TrackSource.PROVIDER || track.provider() == null) {
            return "it is not hosted by a provider";
        }
        if (track.archive() != null && track.archive().archived()) {
            return "it is already archived";
        }
        return "the provider's links expired at " + links.expiryOf(track);
    }

    public Mono<ArchiveStatistics> statistics() {
        return Mono.defer(() -> {
            Instant now = now();
            return store.statistics(now, now.plus(policy.urgentWithin()), links.defaultLinkLifetime());
        });
    }

    /** One page of the operators' jobs view: provider tracks not archived, in the given state, soonest expiry first. */
    public Mono<ArchiveJobPage> jobs(ArchiveJobFilter filter, ArchiveJobCursor after, int limit) {
        return Mono.defer(() -> {
            Instant now = now();
            Instant urgentBefore = now.plus(policy.urgentWithin());
            return store.jobs(filter, after, now, urgentBefore, links.defaultLinkLifetime(), limit + 1)
                    .map(row -> ArchiveJob.of(row.track(), row.expiresAt(), now, urgentBefore))
                    .collectList()
                    .map(jobs -> ArchiveJobPage.of(jobs, limit));
        });
    }

    /** The caller's provider tracks whose assets are at risk, so the user can act before anything is lost. */
    public Flux<ArchiveWarning> warnings(String userId) {
        return Flux.defer(() -> {
            Instant now = now();
            return store.warnings(userId, now, now.plus(policy.urgentWithin()), links.defaultLinkLifetime());
        });
    }

    /** Archives due and not yet sent. */
    public Mono<Long> dueBacklog() {
        return Mono.defer(() -> store.countDue(now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
