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

    public TrackLibrary(TrackStore tracks, Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.tracks = tracks;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A catalog track has nothing to process: it is ready at once. */
    public Mono<Track> addCatalogTrack(AddCatalogTrack command, String traceparent) {
        Instant now = now();
        Track track = new Track(
                UlidCreator.getMonotonicUlid().toString(),
                command.userId(),
                command.title(),
                command.artist(),
                command.album(),
                command.isrc(),
                command.genre(),
                command.durationMs(),
                TrackStatus.READY,
                TrackSource.CATALOG,
                command.catalogRef(),
                now,
                now,
                0);
        return tracks.insert(track)
                .flatMap(added -> outbox.append(TrackEvents.added(added, traceparent)).thenReturn(added))
                .as(transaction::transactional);
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
