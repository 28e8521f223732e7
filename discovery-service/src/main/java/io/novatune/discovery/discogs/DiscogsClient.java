package io.novatune.discovery.discogs;

import io.novatune.discovery.identification.TrackDescription;
import io.novatune.discovery.lookup.Candidate;
import io.novatune.discovery.lookup.LookupCache;
import io.novatune.discovery.lookup.MusicDatabase;
import io.novatune.discovery.lookup.MusicDatabaseUnavailableException;
import io.novatune.discovery.lookup.ResilientRequests;
import io.novatune.discovery.lookup.SearchQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Discogs' database search, {@code GET /database/search?type=release&artist=…&track=…}, authenticated with
 * {@code Authorization: Discogs token=…}. Discogs searches releases: a candidate is a release that has a track of that
 * title, named by the release's title (singles and EPs are named after their track) and carrying its label, catalog
 * number, year and genre. Every answer's {@code X-Discogs-Ratelimit} headers are honoured: a lower limit than ours is
 * kept to, and no request goes out while the moving minute's quota is spent.
 */
@Component
@Order(2)
public class DiscogsClient implements MusicDatabase {

    static final String NAME = "discogs";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DiscogsProperties properties;
    private final WebClient http;
    private final ResilientRequests<SearchQuery, List<Candidate>> requests;

    @Autowired
    public DiscogsClient(DiscogsProperties properties, ObjectProvider<WebClient.Builder> builders, LookupCache cache) {
        this.properties = properties;
        this.http = builders.getIfAvailable(WebClient::builder).build();
        this.requests = new ResilientRequests<>(NAME, properties.policy(), Duration.ofHours(1),
                cache.searches(NAME, SearchQuery::text));
    }

    /** Without the database cache: only the in-memory one (tests of matching against the stand-in). */
    public DiscogsClient(DiscogsProperties properties, ObjectProvider<WebClient.Builder> builders) {
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
        if (!properties.enabled() || query.title() == null || query.title().isBlank()) {
            return Mono.just(List.of());
        }
        StringBuilder uri = new StringBuilder(properties.baseUrl().toString().replaceAll("/+$", ""))
                .append("/database/search?type=release&track=").append(encode(query.title()));
        if (query.artist() != null && !query.artist().isBlank()) {
            uri.append("&artist=").append(encode(query.artist()));
        }
        uri.append("&per_page=").append(properties.candidates());
        return requests.get(query, () -> http.get().uri(URI.create(uri.toString()))
                .header(HttpHeaders.AUTHORIZATION, "Discogs token=" + properties.token())
                .header(HttpHeaders.USER_AGENT, properties.userAgent())
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(this::answer));
    }

    private Mono<List<Candidate>> answer(ClientResponse response) {
        HttpHeaders headers = response.headers().asHttpHeaders();
        honourQuota(headers);
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class).map(body -> candidates(JSON.readTree(body)));
        }
        return response.releaseBody().then(Mono.error(() -> {
            Duration retryAfter = ResilientRequests.retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
            if (status == 429 || status == 503) {
                requests.pauseFor(retryAfter == null ? properties.policy().spacing() : retryAfter);
                return new MusicDatabaseUnavailableException("Discogs answered " + status, requests.waitable(retryAfter), retryAfter);
            }
            return new MusicDatabaseUnavailableException("Discogs answered " + status, status >= 500, null);
        }));
    }

    /** {@code X-Discogs-Ratelimit} (requests per moving minute) and {@code -Remaining}. */
    private void honourQuota(HttpHeaders headers) {
        Integer limit = number(headers.getFirst("X-Discogs-Ratelimit"));
        Integer remaining = number(headers.getFirst("X-Discogs-Ratelimit-Remaining"));
        if (limit != null) {
            requests.limitTo(limit, Duration.ofMinutes(1));
        }
        if (remaining != null && remaining <= 0) {
            // The moving minute is full: one slot frees about every minute/limit.
            requests.pauseFor(Duration.ofMinutes(1).dividedBy(limit == null || limit <= 0 ? 60 : limit));
        }
    }

    static List<Candidate> candidates(JsonNode answer) {
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode result : answer.path("results")) {
            String id = result.path("id").asString(null);
            String title = result.path("title").asString(null);
            if (id == null || title == null) {
                continue;
            }
            // "Artist - Release": release titles hold " - " more often than artist names do.
            int dash = title.indexOf(" - ");
            String artist = dash < 0 ? null : title.substring(0, dash).strip();
            String release = dash < 0 ? title.strip() : title.substring(dash + 3).strip();
            String label = first(result.path("label"));
            candidates.add(new Candidate(NAME, id, 0, new TrackDescription(artist, release, null, label, null, null),
                    release, result.path("year").asString(null), result.path("catno").asString(null), first(result.path("genre"))));
        }
        return candidates;
    }

    private static String first(JsonNode values) {
        return values.isArray() && !values.isEmpty() ? values.get(0).asString(null) : null;
    }

    private static Integer number(String header) {
        try {
            return header == null ? null : Integer.valueOf(header.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value.strip(), StandardCharsets.UTF_8);
    }
}
