package io.novatune.discovery.jobs;

import io.novatune.discovery.catalog.CatalogStore;
import io.novatune.discovery.catalog.CatalogTrack;
import io.novatune.discovery.catalog.NewCatalogTrack;
import io.novatune.discovery.identification.Confidence;
import io.novatune.discovery.identification.MatchScore;
import io.novatune.discovery.identification.MatchScoring;
import io.novatune.discovery.identification.TrackDescription;
import io.novatune.discovery.identification.TrackKey;
import io.novatune.discovery.lookup.Candidate;
import io.novatune.discovery.lookup.MusicDatabase;
import io.novatune.discovery.lookup.MusicDatabaseUnavailableException;
import io.novatune.discovery.lookup.SearchQuery;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Identifies one entry: the user's own catalog first (tracks sharing the normalised artist or title, scored), then
 * each external database in order (MusicBrainz, then Discogs) until one has a strong or medium candidate. The closest
 * candidate of all wins (equal distances: the database's own relevance); one beyond medium is provisional. A match
 * without tempo and key (MusicBrainz and Discogs know neither) takes them from the first database that knows them
 * (Spotify, Beatport, when enabled) and has a strong or medium candidate for the entry too.
 */
@Component
public class EntryIdentifier {

    static final String LOCAL = "local";

    private final CatalogStore catalog;
    private final List<MusicDatabase> databases;
    private final MatchScoring scoring = new MatchScoring();

    public EntryIdentifier(CatalogStore catalog, List<MusicDatabase> databases) {
        this.catalog = catalog;
        this.databases = List.copyOf(databases);
    }

    /** A match: what it would write to the catalog, and how close it is. */
    private record Match(NewCatalogTrack track, MatchScore score, int searchScore, String source) {

        static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble((Match match) -> match.score().distance())
                .thenComparing(Comparator.comparingInt(Match::searchScore).reversed());

        boolean accepted() {
            return score.confidence() != Confidence.PROVISIONAL;
        }
    }

    /** Failures of the databases, kept to say why an entry failed when no database could answer. */
    private record Searched(Optional<Match> best, String failure) {
    }

    Mono<EntryOutcome> identify(String userId, JobEntry entry) {
        if (entry.unknown() || entry.title() == null || entry.title().isBlank()) {
            return Mono.just(EntryOutcome.failed("unknown entry (ID)"));
        }
        TrackDescription wanted = new TrackDescription(entry.artist(), entry.title(), entry.remix(), entry.label(), null, null);
        return catalog.similar(userId, TrackKey.of(entry.artist(), entry.title(), entry.remix()))
                .flatMap(tracks -> {
                    Optional<Match> local = tracks.stream().map(track -> local(wanted, track)).min(Match.BEST_FIRST);
                    if (local.isPresent() && local.get().accepted()) {
                        return Mono.just(outcome(local.get(), LOCAL));
                    }
                    return external(wanted);
                });
    }

    private Mono<EntryOutcome> external(TrackDescription wanted) {
        SearchQuery query = new SearchQuery(wanted.artist(), wanted.title());
        return Flux.fromIterable(databases)
                .concatMap(database -> database.search(query)
                        .map(candidates -> new Searched(candidates.stream().map(candidate -> external(wanted, candidate))
                                .min(Match.BEST_FIRST), null))
                        .onErrorResume(MusicDatabaseUnavailableException.class,
                                unavailable -> Mono.just(new Searched(Optional.empty(), unavailable.getMessage()))))
                .takeUntil(searched -> searched.best().map(Match::accepted).orElse(false))
                .collectList()
                .flatMap(searches -> {
                    Optional<Match> best = searches.stream().flatMap(searched -> searched.best().stream()).min(Match.BEST_FIRST);
                    if (best.isPresent()) {
                        return withTempoAndKey(wanted, query, best.get());
                    }
                    List<String> failures = new ArrayList<>();
                    searches.stream().map(Searched::failure).filter(failure -> failure != null).forEach(failures::add);
                    return Mono.just(EntryOutcome.failed(failures.isEmpty() ? "no candidate in " + names()
                            : "music databases unavailable: " + String.join("; ", failures)));
                });
    }

    private Mono<EntryOutcome> withTempoAndKey(TrackDescription wanted, SearchQuery query, Match match) {
        if (!match.accepted() || match.track().bpm() != null && match.track().musicalKey() != null) {
            return Mono.just(outcome(match, "api"));
        }
        return Flux.fromIterable(databases)
                .filter(database -> database.knowsTempoAndKey() && !database.name().equals(match.source()))
                .concatMap(database -> database.search(query)
                        .map(candidates -> candidates.stream().map(candidate -> external(wanted, candidate))
                                .filter(other -> other.accepted() && (other.track().bpm() != null || other.track().musicalKey() != null))
                                .min(Match.BEST_FIRST))
                        .onErrorResume(MusicDatabaseUnavailableException.class, unavailable -> Mono.just(Optional.empty())))
                .filter(Optional::isPresent)
                .next()
                .map(other -> {
                    NewCatalogTrack track = match.track().withTempoAndKey(other.get().track().bpm(), other.get().track().musicalKey());
                    Match enriched = new Match(track, match.score(), match.searchScore(), match.source());
                    return outcome(enriched, "api", List.of(match.source(), other.get().source()));
                })
                .defaultIfEmpty(outcome(match, "api"));
    }

    private String names() {
        return String.join(", ", databases.stream().map(MusicDatabase::name).toList());
    }

    private Match local(TrackDescription wanted, CatalogTrack track) {
        TrackDescription known = new TrackDescription(track.artist(), track.title(), track.version(), track.label(),
                track.durationMs(), track.isrc());
        NewCatalogTrack same = new NewCatalogTrack(track.artist(), track.title(), track.version(), track.label(),
                track.catalogNumber(), track.releaseTitle(), track.releaseDate(), track.genre(), track.durationMs(),
                track.isrc(), track.externalIds().get("musicbrainz"), track.externalIds().get("discogs"), track.bpm(), track.musicalKey());
        return new Match(same, scoring.score(wanted, known), 100, LOCAL);
    }

    private Match external(TrackDescription wanted, Candidate candidate) {
        TrackDescription found = candidate.track();
        boolean musicBrainz = candidate.source().equals("musicbrainz");
        boolean discogs = candidate.source().equals("discogs");
        NewCatalogTrack track = new NewCatalogTrack(found.artist() == null ? wanted.artist() : found.artist(), found.title(),
                found.remix(), found.label(), candidate.catalogNumber(), candidate.releaseTitle(), candidate.releaseDate(),
                candidate.genre(), found.durationMs(), found.isrc(),
                musicBrainz ? candidate.externalId() : null, discogs ? candidate.externalId() : null, candidate.bpm(), candidate.musicalKey());
        return new Match(track, scoring.score(wanted, found), candidate.searchScore(), candidate.source());
    }

    private static EntryOutcome outcome(Match match, String method) {
        return outcome(match, method, List.of(match.source()));
    }

    private static EntryOutcome outcome(Match match, String method, List<String> sources) {
        EntryState state = match.accepted() ? EntryState.IDENTIFIED : EntryState.PROVISIONAL;
        return new EntryOutcome(state, match.track(), match.score().confidence(), match.score().distance(), method,
                sources, null);
    }
}
