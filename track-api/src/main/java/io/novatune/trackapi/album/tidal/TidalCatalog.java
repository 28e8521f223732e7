package io.novatune.trackapi.album.tidal;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.novatune.events.Isrc;
import io.novatune.trackapi.album.AlbumCatalog;
import io.novatune.trackapi.album.CatalogAlbum;
import io.novatune.trackapi.album.CatalogAlbumUnknownException;
import io.novatune.trackapi.album.CatalogUnavailableException;
import io.novatune.trackapi.track.TrackFieldRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Album listings from TIDAL's API v2 (JSON:API): the album ({@code GET /albums/{id}?include=artists}), its items
 * ({@code GET /albums/{id}/relationships/items}, followed page by page along {@code links.next}), then the tracks'
 * titles, ISRCs and durations in batches of at most 20 ({@code GET /tracks?filter[id]=…&include=artists}). Every
 * request carries a bearer token from the client credentials grant (cached until shortly before it expires) and the
 * configured {@code countryCode}.
 *
 * <p>Each request runs under Resilience4j: a time limit, our own rate limit, and retries of what may pass (5xx, 429,
 * timeouts, connection failures) with doubling waits, or after the {@code Retry-After} a 429 named. What still fails
 * is a {@link CatalogUnavailableException}; a 404 of the album is a {@link CatalogAlbumUnknownException}.
 */
@Component
@ConditionalOnProperty(prefix = "novatune.catalog.tidal", name = "enabled", havingValue = "true", matchIfMissing = true)
public class TidalCatalog implements AlbumCatalog {

    static final String SERVICE = "tidal";
    private static final Logger log = LoggerFactory.getLogger(TidalCatalog.class);
    private static final MediaType JSON_API = MediaType.parseMediaType("application/vnd.api+json");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Renew the token this long before TIDAL says it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private record Token(String value, Instant expiresAt) {
    }

    /** A 404: which album it was about is known only to {@link #album}. */
    private static final class NotFound extends RuntimeException {
        NotFound(URI uri) {
            super("TIDAL answered 404 for " + uri.getPath(), null, false, false);
        }
    }

    private final TidalProperties properties;
    private final WebClient http;
    private final Clock clock;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final RateLimiter rateLimiter;
    private final AtomicReference<Token> token = new AtomicReference<>();

    public TidalCatalog(TidalProperties properties, ObjectProvider<WebClient.Builder> builders, Clock clock) {
        this.properties = properties;
        this.http = builders.getIfAvailable(WebClient::builder).build();
        this.clock = clock;
        long retryWait = properties.retryWait().toMillis();
        this.retry = Retry.of("tidal", RetryConfig.custom()
                .maxAttempts(properties.maxAttempts())
                .retryOnException(TidalCatalog::retryable)
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof CatalogUnavailableException unavailable
                            && unavailable.retryAfter() != null) {
                        return Math.max(unavailable.retryAfter().toMillis(), 1L);
                    }
                    return retryWait * (1L << Math.min(attempt - 1, 20));
                })
                .build());
        this.timeLimiter = TimeLimiter.of("tidal", TimeLimiterConfig.custom()
                .timeoutDuration(properties.requestTimeout()).cancelRunningFuture(true).build());
        this.rateLimiter = RateLimiter.of("tidal", RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                // Waiting for a permit is part of the time a listing may take; past this the listing fails now.
                .timeoutDuration(properties.requestTimeout())
                .build());
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Mono<CatalogAlbum> album(String albumId) {
        String id = encode(albumId);
        return get(api("/albums/" + id, "include=artists"))
                .flatMap(album -> items(id).collectList()
                        .flatMap(items -> tracks(items).map(tracks -> listing(album, items, tracks))))
                .onErrorMap(NotFound.class, notFound -> new CatalogAlbumUnknownException(SERVICE, albumId))
                .onErrorMap(error -> !(error instanceof CatalogAlbumUnknownException || error instanceof CatalogUnavailableException),
                        TidalCatalog::unavailable);
    }

    /** The album's track items in album order (volume, then track number); videos are not tracks of the library. */
    private Flux<JsonNode> items(String albumId) {
        return get(api("/albums/" + albumId + "/relationships/items", null))
                .expand(page -> {
                    String next = page.path("links").path("next").asString(null);
                    return next == null || next.isBlank() ? Mono.empty() : get(next(next));
                })
                .take(properties.maxPages())
                .flatMapIterable(page -> page.path("data").valueStream().toList())
                .filter(item -> "tracks".equals(item.path("type").asString(null)))
                .collectSortedList(Comparator
                        .comparingInt((JsonNode item) -> item.path("meta").path("volumeNumber").asInt(1))
                        .thenComparingInt(item -> item.path("meta").path("trackNumber").asInt(0)))
                .flatMapIterable(sorted -> sorted);
    }

    /** Every batch answer ({@code data} and {@code included}) of the tracks, at most {@code batchSize} ids each. */
    private Mono<List<JsonNode>> tracks(List<JsonNode> items) {
        List<String> ids = items.stream().map(item -> item.path("id").asString()).distinct().toList();
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += properties.batchSize()) {
            batches.add(ids.subList(from, Math.min(from + properties.batchSize(), ids.size())));
        }
        return Flux.fromIterable(batches)
                .concatMap(batch -> get(api("/tracks", "include=artists&" + batch.stream()
                        .map(id -> "filter%5Bid%5D=" + encode(id)).collect(Collectors.joining("&")))))
                .collectList();
    }

    private CatalogAlbum listing(JsonNode album, List<JsonNode> items, List<JsonNode> trackAnswers) {
        Map<String, String> artistNames = new HashMap<>();
        Map<String, JsonNode> tracks = new HashMap<>();
        artistNamesOf(album.path("included"), artistNames);
        for (JsonNode answer : trackAnswers) {
            artistNamesOf(answer.path("included"), artistNames);
            answer.path("data").forEach(track -> tracks.put(track.path("id").asString(), track));
        }
        JsonNode data = album.path("data");
        String title = data.path("attributes").path("title").asString(null);
        if (title == null || title.isBlank()) {
            throw new CatalogUnavailableException("TIDAL answered an album without a title", false, null, null);
        }
        String albumArtist = namesOf(data, artistNames);
        List<CatalogAlbum.Track> listing = new ArrayList<>();
        for (JsonNode item : items) {
            String trackId = item.path("id").asString();
            JsonNode track = tracks.get(trackId);
            if (track == null) {
                // Listed on the album but not served in our country: the library cannot hold what it cannot name.
                log.warn("TIDAL listed track {} on an album but did not answer for it; it is left out", trackId);
                continue;
            }
            JsonNode attributes = track.path("attributes");
            String trackTitle = attributes.path("title").asString("");
            String version = attributes.path("version").asString(null);
            if (version != null && !version.isBlank()) {
                trackTitle = trackTitle + " (" + version.strip() + ")";
            }
            if (text(trackTitle).isEmpty()) {
                log.warn("TIDAL answered track {} without a title; it is left out", trackId);
                continue;
            }
            listing.add(new CatalogAlbum.Track(trackId, text(trackTitle), namesOf(track, artistNames),
                    isrc(attributes.path("isrc").asString(null)), durationMs(attributes.path("duration").asString(null))));
        }
        return new CatalogAlbum(text(title), albumArtist == null ? "Various Artists" : albumArtist, List.copyOf(listing));
    }

    private static void artistNamesOf(JsonNode included, Map<String, String> names) {
        included.forEach(resource -> {
            if ("artists".equals(resource.path("type").asString(null))) {
                names.put(resource.path("id").asString(), resource.path("attributes").path("name").asString(null));
            }
        });
    }

    /** The resource's artists' names, joined; null when it names none we know. */
    private static String namesOf(JsonNode resource, Map<String, String> artistNames) {
        String joined = resource.path("relationships").path("artists").path("data").valueStream()
                .map(identifier -> artistNames.get(identifier.path("id").asString()))
                .filter(name -> name != null && !name.isBlank())
                .map(TidalCatalog::text)
                .collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : text(joined);
    }

    /** What the library's text fields hold: no control characters, at most their length. */
    private static String text(String value) {
        String plain = CONTROL.matcher(value).replaceAll("").strip();
        return plain.length() <= TrackFieldRules.TEXT_MAX ? plain : plain.substring(0, TrackFieldRules.TEXT_MAX).strip();
    }

    private static String isrc(String value) {
        return value == null ? null : Isrc.parse(value).map(Isrc::code).orElse(null);
    }

    private static Long durationMs(String value) {
        try {
            return value == null ? null : Duration.parse(value).toMillis();
        } catch (DateTimeParseException notIso8601) {
            return null;
        }
    }

    /** One GET of the API with the token, under the time limit, the rate limit and the retries. */
    private Mono<JsonNode> get(URI uri) {
        return Mono.defer(() -> token().flatMap(bearer -> http.get().uri(uri)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                        .accept(JSON_API)
                        .exchangeToMono(response -> answer(uri, response))))
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(RateLimiterOperator.of(rateLimiter))
                .transformDeferred(RetryOperator.of(retry));
    }

    private Mono<JsonNode> answer(URI uri, ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class).map(TidalCatalog::parse);
        }
        return response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            String detail = "TIDAL answered " + status + " for " + uri.getPath() + errorDetail(body);
            if (status == 404) {
                return Mono.error(new NotFound(uri));
            }
            if (status == 429) {
                Duration retryAfter = retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                boolean waitable = retryAfter == null || retryAfter.compareTo(properties.maxRetryAfter()) <= 0;
                return Mono.error(new CatalogUnavailableException(detail + (retryAfter == null ? ""
                        : " (Retry-After " + retryAfter.toSeconds() + " s)"), waitable, retryAfter, null));
            }
            if (status == 401) {
                // Revoked or expired early: the next try asks for a new one.
                token.set(null);
                return Mono.error(new CatalogUnavailableException(detail, true, null, null));
            }
            return Mono.error(new CatalogUnavailableException(detail, status >= 500, null, null));
        });
    }

    /** The cached token, or a new one from the client credentials grant. */
    private Mono<String> token() {
        Token cached = token.get();
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return Mono.just(cached.value());
        }
        if (!properties.hasCredentials()) {
            return Mono.error(new CatalogUnavailableException("no TIDAL client credentials are configured"
                    + " (novatune.catalog.tidal.client-id and client-secret)", false, null, null));
        }
        String basic = Base64.getEncoder().encodeToString(
                (properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return http.post().uri(properties.tokenUrl())
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        int status = response.statusCode().value();
                        return Mono.error(new CatalogUnavailableException("TIDAL's token endpoint answered " + status,
                                status >= 500 || status == 429, null, null));
                    }
                    JsonNode answer = parse(body);
                    String value = answer.path("access_token").asString(null);
                    if (value == null) {
                        return Mono.error(new CatalogUnavailableException("TIDAL's token endpoint answered no access_token",
                                false, null, null));
                    }
                    Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(3600));
                    token.set(new Token(value, clock.instant().plus(lifetime).minus(TOKEN_MARGIN)));
                    return Mono.just(value);
                }));
    }

    private URI api(String path, String query) {
        String base = properties.apiUrl().toString().replaceAll("/+$", "");
        return URI.create(base + path + "?countryCode=" + encode(properties.countryCode()) + (query == null ? "" : "&" + query));
    }

    /** {@code links.next} is relative to the API's base; brackets may come unencoded. */
    private URI next(String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return URI.create(link.replace("[", "%5B").replace("]", "%5D"));
        }
        String base = properties.apiUrl().toString().replaceAll("/+$", "");
        return URI.create(base + (link.startsWith("/") ? "" : "/") + link.replace("[", "%5B").replace("]", "%5D"));
    }

    private static boolean retryable(Throwable error) {
        if (error instanceof CatalogUnavailableException unavailable) {
            return unavailable.retryable();
        }
        return error instanceof TimeoutException || error instanceof WebClientRequestException;
    }

    private static CatalogUnavailableException unavailable(Throwable error) {
        String reason;
        if (error instanceof TimeoutException) {
            reason = "TIDAL did not answer in time";
        } else if (error instanceof WebClientRequestException request) {
            reason = "TIDAL could not be reached: " + request.getMostSpecificCause().getMessage();
        } else if (error instanceof JacksonException json) {
            reason = "TIDAL answered what is not JSON: " + json.getOriginalMessage();
        } else {
            reason = "TIDAL listing failed: " + error;
        }
        return new CatalogUnavailableException(reason, false, null, error);
    }

    private static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    /** The first JSON:API error's detail, if the body has one. */
    private static String errorDetail(String body) {
        try {
            String detail = JSON.readTree(body).path("errors").path(0).path("detail").asString(null);
            return detail == null ? "" : ": " + detail;
        } catch (JacksonException notJson) {
            return "";
        }
    }

    /** Seconds, or an HTTP date (RFC 9110); null when absent or neither. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(Long.parseLong(header.strip()), 0));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(header.strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
