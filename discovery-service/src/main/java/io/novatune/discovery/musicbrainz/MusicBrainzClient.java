package io.novatune.discovery.musicbrainz;

import io.novatune.discovery.lookup.Candidate;
import io.novatune.discovery.lookup.LookupCache;
import io.novatune.discovery.lookup.MusicDatabase;
import io.novatune.discovery.lookup.MusicDatabaseUnavailableException;
import io.novatune.discovery.lookup.ResilientRequests;
import io.novatune.discovery.lookup.SearchQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * MusicBrainz's recording search, {@code GET /ws/2/recording?query=<Lucene>&fmt=json}, with the artist and title as
 * escaped phrases ({@link RecordingQuery}). 503 (MusicBrainz's answer to a client over its rate) and 429 are retried
 * after their {@code Retry-After}, and every other request of this instance waits it out too.
 */
@Component
@Order(1)
@ConditionalOnProperty(prefix = "novatune.discovery.musicbrainz", name = "enabled", havingValue = "true", matchIfMissing = true)
public class MusicBrainzClient implements MusicDatabase {

    static final String NAME = "musicbrainz";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MusicBrainzProperties properties;
    private final WebClient http;
    private final ResilientRequests<String, List<Candidate>> requests;

    @Autowired
    public MusicBrainzClient(MusicBrainzProperties properties, ObjectProvider<WebClient.Builder> builders, LookupCache cache) {
        this.properties = properties;
        this.http = builders.getIfAvailable(WebClient::builder).build();
        this.requests = new ResilientRequests<>(NAME, properties.policy(), Duration.ofHours(1),
                cache.searches(NAME, lucene -> lucene));
    }

    /** Without the database cache: only the in-memory one (tests of matching against the stand-in). */
    public MusicBrainzClient(MusicBrainzProperties properties, ObjectProvider<WebClient.Builder> builders) {
        this.properties = properties;
        this.http = builders.getIfAvailable(WebClient::builder).build();
        this.requests = new ResilientRequests<>(NAME, properties.policy(), Duration.ofHours(1));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<List<Candidate>> search(SearchQuery query) {
        String lucene = RecordingQuery.of(query.artist(), query.title());
        if (lucene.isEmpty()) {
            return Mono.just(List.of());
        }
        // Phrases first (precise); only when they find nothing, the fuzzy terms (a typo, another spelling of a credit).
        return recordings(lucene).flatMap(found -> found.isEmpty()
                ? recordings(RecordingQuery.fuzzy(query.artist(), query.title()))
                : Mono.just(found));
    }

    private Mono<List<Candidate>> recordings(String lucene) {
        if (lucene.isEmpty()) {
            return Mono.just(List.of());
        }
        URI uri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/recording?query="
                + URLEncoder.encode(lucene, StandardCharsets.UTF_8) + "&fmt=json&limit=" + properties.candidates());
        return requests.get(lucene, () -> http.get().uri(uri)
                .header(HttpHeaders.USER_AGENT, properties.userAgent())
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(this::answer));
    }

    private Mono<List<Candidate>> answer(ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class)
                    .map(body -> RecordingSearchAnswer.candidates(JSON.readTree(body)).stream().map(MusicBrainzClient::candidate).toList());
        }
        return response.releaseBody().then(Mono.error(() -> {
            Duration retryAfter = ResilientRequests.retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            if (status == 503 || status == 429) {
                Duration wait = retryAfter == null ? properties.policy().retryWait() : retryAfter;
                requests.pauseFor(wait);
                return new MusicDatabaseUnavailableException("MusicBrainz answered " + status
                        + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"), requests.waitable(retryAfter), retryAfter);
            }
            return new MusicDatabaseUnavailableException("MusicBrainz answered " + status, status >= 500, null);
        }));
    }

    private static Candidate candidate(RecordingCandidate recording) {
        return new Candidate(NAME, recording.mbid(), recording.searchScore(), recording.track(), recording.releaseTitle(),
                recording.firstReleaseDate(), recording.catalogNumber(), recording.genre());
    }
}
