package io.novatune.discovery.spotify;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

/**
 * Spotify's Web API, off unless {@code novatune.discovery.spotify.enabled}: the track search
 * ({@code GET /v1/search?type=track&q=track:… artist:…}), and for the first candidates their audio features
 * ({@code GET /v1/audio-features/{id}}: tempo, key as a pitch class and mode), which MusicBrainz and Discogs do not
 * have. Authenticated with a token of the client-credentials grant, kept until shortly before it expires and renewed
 * once for all callers; a 401 renews it and retries.
 */
@Component
@Order(3)
@ConditionalOnProperty(prefix = "novatune.discovery.spotify", name = "enabled", havingValue = "true")
public class SpotifyClient implements MusicDatabase {

    static final String NAME = "spotify";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] PITCH_CLASSES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    /** Tempo and key of one track, as its audio features give them; both may be unknown. */
    record TempoAndKey(Double bpm, String key) {
        static final TempoAndKey UNKNOWN = new TempoAndKey(null, null);
    }

    private final SpotifyProperties properties;
    private final WebClient http;
    private final Clock clock = Clock.systemUTC();
    private final ResilientRequests<SearchQuery, List<Candidate>> requests;
    /** Metadata by track id (24 h): a track's tempo and key do not change. */
    private final AsyncCache<String, TempoAndKey> audioFeatures =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(24)).maximumSize(50_000).buildAsync();
    private final AtomicReference<Mono<AccessToken>> token = new AtomicReference<>(Mono.just(AccessToken.NONE));

    public SpotifyClient(SpotifyProperties properties, ObjectProvider<WebClient.Builder> builders, LookupCache cache) {
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
        String q = "track:" + query.title().strip() + (query.artist() == null || query.artist().isBlank() ? "" : " artist:" + query.artist().strip());
        URI uri = URI.create(base() + "/search?type=track&limit=" + properties.candidates() + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        // The search is cached as it came (also in the database); audio features are added after, from their own cache.
        return requests.get(query, () -> authorized(uri).map(SpotifyClient::candidates))
                .flatMap(this::withAudioFeatures);
    }

    private Mono<List<Candidate>> withAudioFeatures(List<Candidate> candidates) {
        return Flux.fromIterable(candidates)
                .index()
                .concatMap(indexed -> indexed.getT1() < properties.audioFeatures()
                        ? tempoAndKey(indexed.getT2().externalId()).map(found -> indexed.getT2().withTempoAndKey(found.bpm(), found.key()))
                        : Mono.just(indexed.getT2()))
                .collectList();
    }

    private Mono<TempoAndKey> tempoAndKey(String id) {
        URI uri = URI.create(base() + "/audio-features/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        return Mono.fromFuture(() -> audioFeatures.get(id, (ignored, executor) -> requests.uncached(() -> authorized(uri)
                        .map(SpotifyClient::tempoAndKey))
                .toFuture()), true)
                // Without its features a candidate is still a candidate.
                .onErrorResume(MusicDatabaseUnavailableException.class, unavailable -> Mono.just(TempoAndKey.UNKNOWN));
    }

    /** GET with the current access token; the answer's body, or the failure (an empty body for a 404). */
    private Mono<JsonNode> authorized(URI uri) {
        return accessToken().flatMap(accessToken -> http.get().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken.value())
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> answer(response, accessToken)));
    }

    private Mono<JsonNode> answer(ClientResponse response, AccessToken used) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class).map(JSON::readTree);
        }
        if (status == 404) {
            return response.releaseBody().then(Mono.just(JSON.createObjectNode()));
        }
        return response.releaseBody().then(Mono.error(() -> {
            Duration retryAfter = ResilientRequests.retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            if (status == 401) {
                // Expired or revoked before its time: the next attempt gets a new one.
                token.compareAndSet(token.get(), Mono.just(AccessToken.NONE));
                return new MusicDatabaseUnavailableException("Spotify refused the access token", true, null);
            }
            if (status == 429 || status == 503) {
                requests.pauseFor(retryAfter == null ? properties.policy().retryWait() : retryAfter);
                return new MusicDatabaseUnavailableException("Spotify answered " + status, requests.waitable(retryAfter), retryAfter);
            }
            return new MusicDatabaseUnavailableException("Spotify answered " + status, status >= 500, null);
        }));
    }

    /** The cached token while it is valid; else one new token request, shared by every caller waiting for it. */
    private Mono<AccessToken> accessToken() {
        return Mono.defer(() -> {
            Mono<AccessToken> current = token.get();
            return current.flatMap(found -> {
                if (found.validAt(clock.instant())) {
                    return Mono.just(found);
                }
                Mono<AccessToken> renewed = requestToken().cache(ok -> Duration.ofDays(365), error -> Duration.ZERO, () -> Duration.ZERO);
                return token.compareAndSet(current, renewed) ? renewed : token.get();
            });
        });
    }

    private Mono<AccessToken> requestToken() {
        String credentials = Base64.getEncoder().encodeToString((properties.clientId() + ":" + properties.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return http.post().uri(properties.tokenUrl())
                .header(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(String.class).map(body -> {
                            JsonNode answer = JSON.readTree(body);
                            return new AccessToken(answer.path("access_token").asString(),
                                    clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)));
                        })
                        : response.releaseBody().then(Mono.error(() -> new MusicDatabaseUnavailableException(
                                "Spotify's token endpoint answered " + response.statusCode().value(),
                                response.statusCode().is5xxServerError(), null))));
    }

    static List<Candidate> candidates(JsonNode answer) {
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode track : answer.path("tracks").path("items")) {
            String id = track.path("id").asString(null);
            String name = track.path("name").asString(null);
            if (id == null || name == null) {
                continue;
            }
            // Spotify names versions "Title - Sasha Remix"; the scoring compares titles and versions apart.
            int dash = name.lastIndexOf(" - ");
            String title = dash < 0 ? name : name.substring(0, dash);
            String version = dash < 0 ? null : name.substring(dash + 3);
            List<String> artists = StreamSupport.stream(track.path("artists").spliterator(), false)
                    .map(artist -> artist.path("name").asString(null)).filter(artist -> artist != null).toList();
            Long duration = track.path("duration_ms").isNumber() ? track.path("duration_ms").asLong() : null;
            JsonNode album = track.path("album");
            candidates.add(new Candidate(NAME, id, track.path("popularity").asInt(0),
                    new TrackDescription(artists.isEmpty() ? null : String.join(" & ", artists), title, version, null, duration,
                            track.path("external_ids").path("isrc").asString(null)),
                    album.path("name").asString(null), album.path("release_date").asString(null), null, null));
        }
        return candidates;
    }

    static TempoAndKey tempoAndKey(JsonNode features) {
        Double bpm = features.path("tempo").isNumber() && features.path("tempo").asDouble() > 0
                ? Math.round(features.path("tempo").asDouble() * 10) / 10.0 : null;
        int pitch = features.path("key").asInt(-1);
        int mode = features.path("mode").asInt(-1);
        String key = pitch < 0 || pitch >= PITCH_CLASSES.length ? null
                : PITCH_CLASSES[pitch] + (mode == 1 ? " major" : mode == 0 ? " minor" : "");
        return new TempoAndKey(bpm, key);
    }

    private String base() {
        return properties.baseUrl().toString().replaceAll("/+$", "");
    }
}
