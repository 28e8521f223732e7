package io.novatune.discovery.catalog;

import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.novatune.discovery.identification.TrackKey;
import io.novatune.discovery.tracklist.TracklistNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The user's catalog of discovered tracks: reading one, and identifying one by hand (method {@code manual}). */
@Service
public class Catalog {

    private static final Set<String> EXTERNAL_IDS = Set.of("musicbrainz", "discogs", "isrc");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern CURSOR_ID = Pattern.compile("[0-9A-Z]{26}");
    private static final Set<String> CONFIDENCES = Set.of("STRONG", "MEDIUM", "PROVISIONAL");
    private static final Set<String> METHODS = Set.of("local", "api", "manual");

    private final CatalogStore store;
    private final TransactionalOperator transactions;
    private final Clock clock;

    public Catalog(CatalogStore store, TransactionalOperator transactions, Optional<Clock> clock) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    public Mono<CatalogTrack> get(String userId, String id) {
        return store.get(userId, id).switchIfEmpty(Mono.error(() -> new CatalogTrackNotFoundException(id)));
    }

    public Mono<CatalogPage> list(String userId, CatalogFilter filter, String sortName, String cursor, int limit) {
        return Mono.defer(() -> {
            if (limit < 1 || limit > 100) {
                throw new InvalidRequestException("limit", "must be between 1 and 100");
            }
            CatalogSort sort = sortOf(sortName);
            validate(filter);
            String[] after = cursor == null ? null : decodeCursor(cursor, sort);
            return store.page(userId, filter, sort, after == null ? null : after[0], after == null ? null : after[1], limit + 1)
                    .map(rows -> {
                        boolean hasMore = rows.size() > limit;
                        List<CatalogTrack> items = hasMore ? rows.subList(0, limit) : rows;
                        return new CatalogPage(items, hasMore ? encodeCursor(sort, items.get(items.size() - 1)) : null, hasMore);
                    });
        });
    }

    /**
     * Validates before it answers the rows: an export's first bytes (the CSV header, the JSON array's bracket) commit
     * a 200, so a filter found invalid once the body streams could only break the download, never answer 400.
     */
    public Flux<CatalogTrack> export(String userId, CatalogFilter filter) {
        validate(filter);
        return store.export(userId, filter);
    }

    /** The tracks discovered in one of the user's tracklists; another user's tracklist answers 404. */
    public Mono<MixSources> sources(String userId, String tracklistId) {
        return store.sources(userId, tracklistId)
                .switchIfEmpty(Mono.error(() -> new TracklistNotFoundException("No tracklist " + tracklistId + ".")));
    }

    static void validate(CatalogFilter filter) {
        for (String text : new String[] {filter.artist(), filter.title(), filter.genre(), filter.label()}) {
            if (text != null && (text.length() > 200 || CONTROL.matcher(text).find())) {
                throw new InvalidRequestException("filter", "at most 200 characters, no control characters");
            }
        }
        if (filter.minConfidence() != null && !CONFIDENCES.contains(filter.minConfidence())) {
            throw new InvalidRequestException("minConfidence", "is STRONG, MEDIUM or PROVISIONAL");
        }
        if (filter.method() != null && !METHODS.contains(filter.method())) {
            throw new InvalidRequestException("method", "is local, api or manual");
        }
    }

    private static CatalogSort sortOf(String name) {
        for (CatalogSort sort : CatalogSort.values()) {
            if (sort.name().equals(name)) {
                return sort;
            }
        }
        throw new InvalidRequestException("sort", "is lastSeen, discoveryCount, firstDiscovered or artist");
    }

    /** The last row's sort value and id, with the sort's name so that a cursor of another order is refused. */
    private static String encodeCursor(CatalogSort sort, CatalogTrack last) {
        String value = switch (sort) {
            case lastSeen -> last.lastSeen() == null ? "" : last.lastSeen().toString();
            case firstDiscovered -> last.firstDiscovered() == null ? "" : last.firstDiscovered().toString();
            case discoveryCount -> Integer.toString(last.discoveryCount());
            case artist -> TrackKey.of(last.artist(), last.title(), null).artist();
        };
        String text = sort.name() + "\n" + last.id() + "\n" + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decodeCursor(String cursor, CatalogSort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 3);
            if (parts.length == 3 && parts[0].equals(sort.name()) && CURSOR_ID.matcher(parts[1]).matches()) {
                String value = parts[2].isEmpty() && sort != CatalogSort.artist ? null : parts[2];
                if (value != null && (sort == CatalogSort.lastSeen || sort == CatalogSort.firstDiscovered)) {
                    java.time.Instant.parse(value);
                }
                if (value != null && sort == CatalogSort.discoveryCount) {
                    Integer.parseInt(value);
                }
                return new String[] {value, parts[1]};
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // reported below
        }
        throw new InvalidRequestException("cursor", "not a cursor this service gave out for sort " + sort.name());
    }

    public Mono<CatalogTrack> identify(String userId, String id, IdentifyRequest request) {
        return Mono.defer(() -> {
            Map<String, String> externalIds = request.externalIds() == null ? Map.of() : request.externalIds();
            for (String name : externalIds.keySet()) {
                if (!EXTERNAL_IDS.contains(name)) {
                    throw new InvalidRequestException("externalIds", "knows musicbrainz, discogs and isrc, not " + name);
                }
            }
            for (String text : new String[] {request.artist(), request.title()}) {
                if (CONTROL.matcher(text).find()) {
                    throw new InvalidRequestException("artist", "must not contain control characters");
                }
            }
            List<String> sources = externalIds.keySet().stream().filter(name -> !name.equals("isrc")).sorted().toList();
            return transactions.transactional(store.identify(userId, id, request.artist().strip(), request.title().strip(),
                            externalIds, clock.instant())
                    .flatMap(found -> found
                            ? store.record(userId, id, new DiscoveryRecord(null, null, null, "STRONG", 0.0, "manual",
                                    sources.isEmpty() ? List.of("manual") : sources, clock.instant())).thenReturn(true)
                            : Mono.just(false)));
        }).onErrorMap(DataIntegrityViolationException.class, clash -> new ResponseStatusException(HttpStatus.CONFLICT,
                "Another track of your catalog is already " + request.artist() + " - " + request.title() + "."))
                .flatMap(found -> found ? get(userId, id) : Mono.error(new CatalogTrackNotFoundException(id)));
    }
}
