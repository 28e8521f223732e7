package io.novatune.trackapi.album.catalogclient;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.novatune.trackapi.album.CatalogAlbum;
import io.novatune.trackapi.album.CatalogAlbumUnknownException;
import io.novatune.trackapi.album.CatalogUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The HTTP side every catalog adapter shares: a bearer token from the client credentials grant (cached until shortly
 * before it expires), and each GET under Resilience4j — a time limit, our own rate limit, and retries of what may
 * pass (5xx, 429, timeouts, connection failures) with doubling waits, or after the {@code Retry-After} a 429 named.
 * What still fails is a {@link CatalogUnavailableException}; a 404 becomes a {@link CatalogAlbumUnknownException}
 * in {@link #listing}.
 */
public final class CatalogClient {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Renew the token this long before the service says it expires. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private record Token(String value, Instant expiresAt) {
    }

    /** A 404: which album it was about is known only to {@link #listing}. */
    private static final class NotFound extends RuntimeException {
        NotFound(String detail) {
            super(detail, null, false, false);
        }
    }

    private final String name;
    private final CatalogClientSettings settings;
    private final Function<JsonNode, String> errorDetail;
    private final WebClient http;
    private final Clock clock;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final RateLimiter rateLimiter;
    private final AtomicReference<Token> token = new AtomicReference<>();

    /**
     * @param name        the service as messages name it ("TIDAL")
     * @param errorDetail the detail an error body of the service gives, or null
     */
    public CatalogClient(String name, CatalogClientSettings settings, Function<JsonNode, String> errorDetail,
                         WebClient http, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.errorDetail = errorDetail;
        this.http = http;
        this.clock = clock;
        long retryWait = settings.retryWait().toMillis();
        String id = name.toLowerCase(java.util.Locale.ROOT);
        this.retry = Retry.of(id, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(CatalogClient::retryable)
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof CatalogUnavailableException unavailable
                            && unavailable.retryAfter() != null) {
                        return Math.max(unavailable.retryAfter().toMillis(), 1L);
                    }
                    return retryWait * (1L << Math.min(attempt - 1, 20));
                })
                .build());
        this.timeLimiter = TimeLimiter.of(id, TimeLimiterConfig.custom()
                .timeoutDuration(settings.requestTimeout()).cancelRunningFuture(true).build());
        this.rateLimiter = RateLimiter.of(id, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                // Waiting for a permit is part of the time a listing may take; past this the listing fails now.
                .timeoutDuration(settings.requestTimeout())
                .build());
    }

    /** One GET of the API with the token, under the time limit, the rate limit and the retries. */
    public Mono<JsonNode> get(URI uri, MediaType accept) {
        return Mono.defer(() -> token().flatMap(bearer -> http.get().uri(uri)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                        .accept(accept)
                        .exchangeToMono(response -> answer(uri, response))))
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(RateLimiterOperator.of(rateLimiter))
                .transformDeferred(RetryOperator.of(retry));
    }

    /** The listing, its failures as the port promises them: unknown album, or unavailable now. */
    public Mono<CatalogAlbum> listing(String service, String albumId, Mono<CatalogAlbum> listing) {
        return listing
                .onErrorMap(NotFound.class, notFound -> new CatalogAlbumUnknownException(service, albumId))
                .onErrorMap(error -> !(error instanceof CatalogAlbumUnknownException || error instanceof CatalogUnavailableException),
                        this::unavailable);
    }

    private Mono<JsonNode> answer(URI uri, ClientResponse response) {
        int status = response.statusCode().value();
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class).map(JSON::readTree);
        }
        return response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
            String detail = name + " answered " + status + " for " + uri.getPath() + detailOf(body);
            if (status == 404) {
                return Mono.error(new NotFound(detail));
            }
            if (status == 429) {
                Duration retryAfter = retryAfter(response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                boolean waitable = retryAfter == null || retryAfter.compareTo(settings.maxRetryAfter()) <= 0;
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
        if (!settings.hasCredentials()) {
            return Mono.error(new CatalogUnavailableException("no " + name + " client credentials are configured",
                    false, null, null));
        }
        String basic = Base64.getEncoder().encodeToString(
                (settings.clientId() + ":" + settings.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return http.post().uri(settings.tokenUrl())
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        int status = response.statusCode().value();
                        return Mono.error(new CatalogUnavailableException(name + "'s token endpoint answered " + status,
                                status >= 500 || status == 429, null, null));
                    }
                    JsonNode answer = JSON.readTree(body);
                    String value = answer.path("access_token").asString(null);
                    if (value == null) {
                        return Mono.error(new CatalogUnavailableException(name + "'s token endpoint answered no access_token",
                                false, null, null));
                    }
                    Duration lifetime = Duration.ofSeconds(answer.path("expires_in").asLong(3600));
                    token.set(new Token(value, clock.instant().plus(lifetime).minus(TOKEN_MARGIN)));
                    return Mono.just(value);
                }));
    }

    private static boolean retryable(Throwable error) {
        if (error instanceof CatalogUnavailableException unavailable) {
            return unavailable.retryable();
        }
        return error instanceof TimeoutException || error instanceof WebClientRequestException;
    }

    private CatalogUnavailableException unavailable(Throwable error) {
        String reason;
        if (error instanceof TimeoutException) {
            reason = name + " did not answer in time";
        } else if (error instanceof WebClientRequestException request) {
            reason = name + " could not be reached: " + request.getMostSpecificCause().getMessage();
        } else if (error instanceof JacksonException json) {
            reason = name + " answered what is not JSON: " + json.getOriginalMessage();
        } else {
            reason = name + " listing failed: " + error;
        }
        return new CatalogUnavailableException(reason, false, null, error);
    }

    private String detailOf(String body) {
        try {
            String detail = errorDetail.apply(JSON.readTree(body));
            return detail == null || detail.isBlank() ? "" : ": " + detail;
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
}
