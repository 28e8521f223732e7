package io.novatune.discovery.lookup;

import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The port to an external music database (MusicBrainz, Discogs, and, when enabled, Spotify and Beatport). An
 * adapter keeps to the database's rate limit, retries what may pass and caches its answers; what still fails is a
 * {@link MusicDatabaseUnavailableException}.
 */
public interface MusicDatabase {

    /** The source name recorded with a match: {@code musicbrainz}, {@code discogs}. */
    String name();

    /** Candidates for the query, best first by the database's own relevance; empty when it knows none. */
    Mono<List<Candidate>> search(SearchQuery query);

    /** Whether its candidates carry tempo and key: then it is asked for them when another database made the match. */
    default boolean knowsTempoAndKey() {
        return false;
    }
}
