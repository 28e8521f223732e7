package io.novatune.discovery.purchases;

import io.novatune.discovery.catalog.CatalogStore;
import io.novatune.discovery.identification.TrackKey;
import io.novatune.discovery.parsing.TitleParts;
import io.novatune.discovery.wantlist.WantListChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A track the user added to the library marks the wanted entry of the same recording {@code purchased}: the same
 * ISRC, or the same normalised artist + title + version (the title's trailing "(… Remix)" is its version, as in a
 * tracklist; title and version are compared together, wherever the version was written). The event id goes into
 * the inbox in the same transaction, so that a replayed event changes nothing.
 */
@Service
public class AutomaticPurchases {

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AutomaticPurchases(DatabaseClient db, TransactionalOperator transactions, ApplicationEventPublisher events,
                              Optional<Clock> clock) {
        this.db = db;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** Answers how many entries became purchased; 0 as well for an event already processed. */
    public Mono<Long> added(String eventId, String userId, Instant occurredAt, List<LibraryTrack> tracks) {
        Mono<Long> work = db.sql("INSERT INTO processed_events (event_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .bind("id", eventId).fetch().rowsUpdated()
                .flatMap(fresh -> fresh == 0 ? Mono.just(0L) : Flux.fromIterable(tracks)
                        .concatMap(track -> purchase(userId, occurredAt, track))
                        .reduce(0L, Long::sum));
        return transactions.transactional(work).doOnSuccess(purchased -> {
            if (purchased != null && purchased > 0) {
                events.publishEvent(new WantListChanged(userId));
            }
        });
    }

    private Mono<Long> purchase(String userId, Instant occurredAt, LibraryTrack track) {
        TitleParts parts = TitleParts.of(track.title());
        TrackKey key = TrackKey.of(track.artist(), parts.title(), parts.version());
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE want_list_entries w SET status = 'purchased', purchased_at = :at, library_track_id = :trackId,
                       updated_at = :now
                  FROM catalog_tracks t
                 WHERE t.id = w.catalog_track_id AND w.user_id = :userId AND w.status = 'wanted'
                   AND ((t.isrc IS NOT NULL AND upper(t.isrc) = upper(:isrc))
                        OR (t.artist_key = :artistKey AND btrim(t.title_key || ' ' || t.version_key) = :titleAndVersion))""")
                .bind("at", CatalogStore.offset(occurredAt)).bind("trackId", track.trackId()).bind("userId", userId)
                .bind("now", CatalogStore.offset(clock.instant()))
                // Title and version compared as one: a track identified by hand keeps "Glue (Hammer Remix)" as its
                // title with no version, the library splits it into "Glue" and "Hammer Remix".
                .bind("artistKey", key.artist()).bind("titleAndVersion", (key.title() + " " + key.version()).strip());
        // An empty ISRC matches nothing rather than every track without one.
        String isrc = track.isrc() == null || track.isrc().isBlank() ? null : track.isrc().strip();
        spec = CatalogStore.nullable(spec, "isrc", isrc, String.class);
        return spec.fetch().rowsUpdated();
    }
}
