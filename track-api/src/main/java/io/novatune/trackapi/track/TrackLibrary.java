package io.novatune.trackapi.track;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.trackapi.outbox.Outbox;
import io.novatune.trackapi.quota.Quotas;
import io.novatune.platform.problem.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The use cases of a user's library. Each state change and its event commit together or not at all. */
@Service
public class TrackLibrary {

    private static final Logger log = LoggerFactory.getLogger(TrackLibrary.class);

    private final TrackStore tracks;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final TrackPolicy policy;
    private final ProviderLinkRules linkRules;
    private final ProviderLinkPolicy links;
    private final Quotas quotas;

    public TrackLibrary(TrackStore tracks, Outbox outbox, TransactionalOperator transaction, Clock clock,
                        TrackPolicy policy, ProviderLinkRules linkRules, ProviderLinkPolicy links, Quotas quotas) {
        this.quotas = quotas;
        this.tracks = tracks;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.policy = policy;
        this.linkRules = linkRules;
        this.links = links;
    }

    /** A catalog track has nothing to process: it is ready at once. */
    public Mono<Track> addCatalogTrack(AddCatalogTrack command, String traceparent) {
        Instant now = now();
        Track track = new Track(newId(), command.userId(), command.metadata(), TrackStatus.READY, TrackSource.CATALOG,
                command.catalogRef(), null, null, null, null, now, now, 0);
        return add(track, traceparent);
    }

    /**
     * The archive timer is armed at once: our copies must exist before the provider's links expire. Links that
     * {@link ProviderLinkRules} refuses, and an expiry in the past or too far ahead, answer 400 naming the field.
     */
    public Mono<Track> addProviderTrack(AddProviderTrack command, String traceparent) {
        Instant now = now();
        List<InvalidRequestException.FieldError> invalid = linkRules.check(command.provider(), now,
                policy.maxProviderLinkLifetime());
        if (!invalid.isEmpty()) {
            return Mono.error(new InvalidRequestException(invalid));
        }
        Instant archiveDue = archiveDue(now, command.provider().expiresAt());
        Track track = new Track(newId(), command.userId(), command.metadata(), TrackStatus.READY, TrackSource.PROVIDER,
                null, null, command.provider(), new ArchiveState(archiveDue, null, null, null, null, 0, null), null,
                now, now, 0);
        return add(track, traceparent);
    }

    /**
     * {@code archive-delay} after now; for links that live shorter than the default lifetime, the same share of their
     * life (13 of 15 days by default), so that the attempt and its retries come before they expire. (The due time
     * was the expiry itself before: the timer, which fires only while the links are valid, never sent it.)
     */
    private Instant archiveDue(Instant now, Instant expiry) {
        Duration delay = policy.archiveDelay();
        if (expiry == null) {
            return now.plus(delay);
        }
        double share = Math.min(1.0, (double) delay.toMillis() / links.defaultLinkLifetime().toMillis());
        long shareOfLife = (long) (Duration.between(now, expiry).toMillis() * share);
        return now.plusMillis(Math.min(delay.toMillis(), shareOfLife));
    }

    private Mono<Track> add(Track track, String traceparent) {
        return tracks.insertAdmitted(track, quotas.trackLimit(), TrackEvents.added(track, traceparent))
                .switchIfEmpty(Mono.defer(() -> quotas.trackLimitReached(track.userId(), 1)))
                .doOnNext(added -> log.atInfo().addKeyValue("trackId", added.id()).addKeyValue("userId", added.userId())
                        .addKeyValue("source", added.source()).log("Track added"));
    }

    private static String newId() {
        return UlidCreator.getMonotonicUlid().toString();
    }

    /** A visible track of this user; a deleted one is gone (410), another user's is not found (404). */
    public Mono<Track> find(String userId, String trackId) {
        return tracks.findOwned(userId, trackId)
                .switchIfEmpty(Mono.error(() -> new TrackNotFoundException(trackId)))
                .flatMap(track -> track.visible() ? Mono.just(track) : Mono.error(new TrackGoneException(track)));
    }

    /**
     * Merges a metadata patch in one conditional update, so a concurrent change is never silently
     * overwritten: with {@code If-Match}, a stale version fails; without, only the named fields change.
     */
    public Mono<Track> updateMetadata(UpdateMetadata command, String traceparent) {
        if (command.changes().isEmpty()) {
            return find(command.userId(), command.trackId()).flatMap(track -> expectVersion(track, command));
        }
        return tracks.updateMetadata(command, now())
                .flatMap(updated -> outbox.append(TrackEvents.updated(updated, command.changes().keySet(), traceparent))
                        .thenReturn(updated))
                .switchIfEmpty(Mono.defer(() -> find(command.userId(), command.trackId())
                        .flatMap(current -> expectVersion(current, command))))
                .as(transaction::transactional)
                .doOnNext(updated -> log.atInfo().addKeyValue("trackId", updated.id())
                        .addKeyValue("userId", updated.userId()).addKeyValue("version", updated.version())
                        .log("Track metadata updated"));
    }

    private static Mono<Track> expectVersion(Track current, UpdateMetadata command) {
        Long expected = command.expectedVersion();
        return expected == null || expected == current.version()
                ? Mono.just(current)
                : Mono.error(new StaleVersionException(current.id(), expected, current.version()));
    }

    /** PostgreSQL keeps microseconds and events keep milliseconds: store what the event says. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
