package io.novatune.discovery.catalog;

import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.time.Clock;
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
