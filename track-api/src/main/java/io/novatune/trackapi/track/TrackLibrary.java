package io.novatune.trackapi.track;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.trackapi.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The use cases of a user's library. Each state change and its event commit together or not at all. */
@Service
public class TrackLibrary {

    private final TrackStore tracks;
    private final Outbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final TrackPolicy policy;

    public TrackLibrary(TrackStore tracks, Outbox outbox, TransactionalOperator transaction, Clock clock,
                        TrackPolicy policy) {
        this.tracks = tracks;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.policy = policy;
    }

    /** A catalog track has nothing to process: it is ready at once. */
    public Mono<Track> addCatalogTrack(AddCatalogTrack command, String traceparent) {
        Instant now = now();
        Track track = new Track(newId(), command.userId(), command.metadata(), TrackStatus.READY, TrackSource.CATALOG,
                command.catalogRef(), null, null, null, null, now, now, 0);
        return add(track, traceparent);
    }

    /** The archive timer is armed at once: our copies must exist before the provider's links expire. */
    public Mono<Track> addProviderTrack(AddProviderTrack command, String traceparent) {
        Instant now = now();
        Instant archiveDue = now.plus(policy.archiveDelay());
        Instant expiry = command.provider().expiresAt();
        if (expiry != null && expiry.isBefore(archiveDue)) {
            archiveDue = expiry;
        }
        Track track = new Track(newId(), command.userId(), command.metadata(), TrackStatus.READY, TrackSource.PROVIDER,
                null, null, command.provider(), new ArchiveState(archiveDue, null, null, null, null, 0, null), null,
                now, now, 0);
        return add(track, traceparent);
    }

    private Mono<Track> add(Track track, String traceparent) {
        return tracks.insert(track)
                .flatMap(added -> outbox.append(TrackEvents.added(added, traceparent)).thenReturn(added))
                .as(transaction::transactional);
    }

    private static String newId() {
        return UlidCreator.getMonotonicUlid().toString();
    }

    public Mono<Track> find(String userId, String trackId) {
        return tracks.findOwned(userId, trackId)
                .switchIfEmpty(Mono.error(() -> new TrackNotFoundException(trackId)));
    }

    /** PostgreSQL keeps microseconds and events keep milliseconds: store what the event says. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
