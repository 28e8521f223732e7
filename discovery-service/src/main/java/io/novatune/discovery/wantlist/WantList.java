package io.novatune.discovery.wantlist;

import io.novatune.discovery.catalog.CatalogTrackNotFoundException;
import io.novatune.discovery.tracklist.TracklistNotFoundException;
import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's want-list. Every write runs in one transaction holding the user's want-list lock, and counts the list
 * before it commits: a request that would take it past {@code maxEntries} rolls back whole (409).
 */
@Service
public class WantList {

    private static final Pattern ID = Pattern.compile("[0-9A-Z]{26}");
    private static final Set<String> STATUSES = Set.of("wanted", "purchased", "unavailable");

    private final WantListStore store;
    private final TransactionalOperator transactions;
    private final WantListProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public WantList(WantListStore store, TransactionalOperator transactions, WantListProperties properties,
                    ApplicationEventPublisher events, Optional<Clock> clock) {
        this.store = store;
        this.transactions = transactions;
        this.properties = properties;
        this.events = events;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** The entry, and whether it is new (201) rather than an existing one whose priority may have risen (200). */
    public record Saved(WantListEntry entry, boolean created) {
    }

    public Mono<Saved> add(String userId, AddToWantListRequest request) {
        Mono<Void> source = request.sourceTracklistId() == null ? Mono.empty()
                : store.tracklistExists(userId, request.sourceTracklistId()).flatMap(found -> found ? Mono.<Void>empty()
                        : Mono.error(new TracklistNotFoundException("No tracklist " + request.sourceTracklistId() + ".")));
        Mono<WantListStore.Added> write = store.lock(userId)
                .then(source)
                .then(store.add(userId, request, clock.instant()))
                .switchIfEmpty(Mono.error(() -> new CatalogTrackNotFoundException(request.trackId())))
                .flatMap(added -> added.inserted() ? withinLimit(userId).thenReturn(added) : Mono.just(added));
        return transactions.transactional(write)
                .flatMap(added -> store.get(userId, added.id()).map(entry -> new Saved(entry, added.inserted())))
                .doOnSuccess(saved -> changed(userId));
    }

    public Mono<WantListEntry> get(String userId, String id) {
        return store.get(userId, id).switchIfEmpty(Mono.error(() -> new WantListEntryNotFoundException(id)));
    }

    public Mono<WantListEntry> update(String userId, String id, PatchWantListRequest patch) {
        return store.update(userId, id, patch, clock.instant())
                .flatMap(found -> found ? get(userId, id) : Mono.error(new WantListEntryNotFoundException(id)))
                .doOnSuccess(entry -> changed(userId));
    }

    public Mono<Void> delete(String userId, String id) {
        return store.delete(userId, List.of(id))
                .flatMap(rows -> rows > 0 ? Mono.<Void>empty() : Mono.error(new WantListEntryNotFoundException(id)))
                .doOnSuccess(done -> changed(userId));
    }

    public Mono<WantListPage> list(String userId, String status, Integer priority, Instant addedAfter, String cursor,
                                   int limit) {
        return Mono.defer(() -> {
            if (limit < 1 || limit > 100) {
                throw new InvalidRequestException("limit", "must be between 1 and 100");
            }
            if (status != null && !STATUSES.contains(status)) {
                throw new InvalidRequestException("status", "is wanted, purchased or unavailable");
            }
            if (priority != null && (priority < 1 || priority > 5)) {
                throw new InvalidRequestException("priority", "is 1 to 5");
            }
            String afterId = cursor == null ? null : decodeCursor(cursor);
            return store.page(userId, status, priority, addedAfter, afterId, limit + 1).map(rows -> {
                boolean hasMore = rows.size() > limit;
                List<WantListEntry> items = hasMore ? rows.subList(0, limit) : rows;
                String next = hasMore ? Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(items.get(items.size() - 1).id().getBytes(StandardCharsets.US_ASCII)) : null;
                return new WantListPage(items, next, hasMore);
            });
        });
    }

    public Flux<WantListEntry> all(String userId) {
        return store.all(userId);
    }

    public Mono<BulkWantListResult> bulk(String userId, BulkWantListRequest request) {
        Mono<BulkWantListResult> work = switch (request.action()) {
            case "add-tracklist" -> {
                if (request.tracklistId() == null) {
                    yield Mono.error(new InvalidRequestException("tracklistId", "is required for add-tracklist"));
                }
                int priority = request.priority() == null ? 3 : request.priority();
                yield store.lock(userId)
                        .then(store.tracklistExists(userId, request.tracklistId()))
                        .flatMap(found -> found ? store.addTracklist(userId, request.tracklistId(), priority, clock.instant())
                                : Mono.error(new TracklistNotFoundException("No tracklist " + request.tracklistId() + ".")))
                        .flatMap(added -> withinLimit(userId).thenReturn(new BulkWantListResult(added.intValue(), 0, 0)));
            }
            case "set-status" -> {
                if (request.status() == null) {
                    yield Mono.error(new InvalidRequestException("status", "is required for set-status"));
                }
                yield owned(userId, request.ids())
                        .then(store.setStatus(userId, request.ids(), request.status(), clock.instant()))
                        .map(rows -> new BulkWantListResult(0, rows.intValue(), 0));
            }
            default -> owned(userId, request.ids())
                    .then(store.delete(userId, request.ids()))
                    .map(rows -> new BulkWantListResult(0, 0, rows.intValue()));
        };
        return transactions.transactional(work).doOnSuccess(result -> changed(userId));
    }

    /** Every id must be one of the user's entries, or the request changes nothing: 404 names the first stranger. */
    private Mono<Void> owned(String userId, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Mono.error(new InvalidRequestException("ids", "at least one entry id"));
        }
        List<String> distinct = ids.stream().distinct().toList();
        return store.owned(userId, distinct).flatMap(count -> count == distinct.size() ? Mono.empty()
                : Flux.fromIterable(distinct).concatMap(id -> store.get(userId, id).hasElement()
                                .filter(found -> !found).map(missing -> id))
                        .next().flatMap(id -> Mono.error(new WantListEntryNotFoundException(id))));
    }

    private Mono<Void> withinLimit(String userId) {
        return store.count(userId).flatMap(count -> count > properties.maxEntries()
                ? Mono.error(new WantListFullException(properties.maxEntries())) : Mono.empty());
    }

    private void changed(String userId) {
        events.publishEvent(new WantListChanged(userId));
    }

    private static String decodeCursor(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (ID.matcher(id).matches()) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidRequestException("cursor", "not a cursor this service gave out");
    }
}
