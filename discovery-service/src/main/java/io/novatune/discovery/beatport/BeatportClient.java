package io.novatune.discovery.beatport;

import io.novatune.discovery.identification.TrackDescription;
import io.novatune.discovery.lookup.Candidate;
import io.novatune.discovery.lookup.LookupCache;
import io.novatune.discovery.lookup.MusicDatabase;
import io.novatune.discovery.lookup.MusicDatabaseUnavailableException;
import io.novatune.discovery.lookup.ResilientRequests;
import io.novatune.discovery.lookup.SearchQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * Beatport's catalog search, {@code GET /v4/catalog/search/?type=tracks&q=…}, off unless
 * {@code novatune.discovery.beatport.enabled}. Its tracks carry what DJs need and MusicBrainz lacks: the mix name, bpm,
 * key, label, catalog number and genre.
 */
@Component
@Order(4)
@ConditionalOnProperty(prefix = "novatune.discovery.beatport", name = "enabled", havingValue = "true")
public class BeatportClient implements MusicDatabase {

    static final String NAME = "beatport";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BeatportProperties properties;
    private final WebClient http;
    private final ResilientRequests<SearchQuery, List<Candidate>> requests;

    public BeatportClient(BeatportProperties properties, ObjectProvider<WebClient.Builder> builders, LookupCache cache) {
        this.properties = properties;
        this.http = builders.getIfAvailable(WebClient::builder).build();
        this.requests = new ResilientRequests<>(NAME, properties.policy(), Duration.ofHours(1),
                cache.searches(NAME, SearchQuery::text));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean knowsTempoAndKey() {
        return true;
    }

    @Override
    public Mono<List<Candidate>> search(SearchQuery query) {
        if (query.title() == null || query.title().isBlank()) {
            return Mono.just(List.of());
        }
        String q = ((query.artist() == null ? "" : query.artist().strip() + " ") + query.title().strip());
        URI uri = URI.create(properties.baseUrl().toString().replaceAll("/+$", "") + "/catalog/search/?type=tracks&per_page="
                + properties.candidates() + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        return requests.get(query, () -> http.get().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.token())
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(this::answer));
    }

    private Mono<List<Candidate>> answer(ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class).map(body -> candidates(JSON.readTree(body)));
        }
        return response.releaseBody().then(Mono.error(() -> {
            Duration retryAfter = ResilientRequests.retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            if (status == 429 || status == 503) {
                requests.pauseFor(retryAfter == null ? properties.policy().retryWait() : retryAfter);
                return new MusicDatabaseUnavailableException("Beatport answered " + status, requests.waitable(retryAfter), retryAfter);
            }
            return new MusicDatabaseUnavailableException("Beatport answered " + status, status >= 500, null);
        }));
    }

    static List<Candidate> candidates(JsonNode answer) {
        List<Candidate> candidates = new ArrayList<>();
        int rank = 0;
        for (JsonNode track : answer.path("tracks")) {
            String id = track.path("id").asString(null);
            String name = track.path("name").asString(null);
            if (id == null || name == null) {
                continue;
            }
            List<String> artists = StreamSupport.stream(track.path("artists").spliterator(), false)
                    .map(artist -> artist.path("name").asString(null)).filter(artist -> artist != null).toList();
            JsonNode release = track.path("release");
            Long length = track.path("length_ms").isNumber() ? track.path("length_ms").asLong() : null;
            Double bpm = track.path("bpm").isNumber() && track.path("bpm").asDouble() > 0 ? track.path("bpm").asDouble() : null;
            // Beatport's relevance is its order; spread it like the other databases' 0–100 scores.
            candidates.add(new Candidate(NAME, id, Math.max(0, 100 - rank++),
                    new TrackDescription(artists.isEmpty() ? null : String.join(" & ", artists), name,
                            track.path("mix_name").asString(null), release.path("label").path("name").asString(null), length,
                            track.path("isrc").asString(null)),
                    release.path("name").asString(null), track.path("publish_date").asString(null),
                    track.path("catalog_number").asString(null), track.path("genre").path("name").asString(null),
                    bpm, key(track.path("key").path("name").asString(null))));
        }
        return candidates;
    }

    /** "F Minor" as the other sources write it: "F minor". */
    static String key(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String[] parts = name.strip().split("\\s+", 2);
        return parts.length == 1 ? parts[0] : parts[0] + " " + parts[1].toLowerCase(Locale.ROOT);
    }
}
