package io.novatune.discovery.lookup;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What every adapter's request goes through, one instance per database and service instance (so all jobs share it):
 * <ol>
 *   <li>a search cache (Caffeine, 1 h): a query asked again — within a job or by another — is not sent again, and
 *       identical queries in flight at once share one request; behind it a durable layer ({@link DurableAnswers}, the
 *       {@code lookup_cache} table) asked before a request goes out and told its answer, so that answers survive a
 *       restart;</li>
 *   <li>retries (Resilience4j) of what may pass, waiting what the database named in {@code Retry-After};</li>
 *   <li>a circuit breaker (Resilience4j): a database that keeps failing is left alone for a while;</li>
 *   <li>the rate limit: one request at a time, each {@link RequestPolicy#spacing()} after the previous one was
 *       answered and after a token of a one-token bucket refilled every spacing (bucket4j), so no window of
 *       {@code per} ever holds more than {@code requests} arrivals, and a pause every request waits out after a
 *       {@code Retry-After} or an exhausted quota header;</li>
 *   <li>a time limit per request (Resilience4j).</li>
 * </ol>
 * A fixed-window limiter (Resilience4j's {@code RateLimiter}) is not used for the limit: it lets the last request of
 * one window and the first of the next through a moment apart, which a database counting a sliding second sees as two
 * in one second (ADR 0016).
 */
public final class ResilientRequests<K, V> {

    private static final ScheduledExecutorService WAITS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "music-database-rate-limit");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final RequestPolicy policy;
    private final Bucket bucket;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);
    private final AtomicReference<Mono<Void>> lastRequest = new AtomicReference<>(Mono.empty());
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final AsyncCache<K, V> cache;
    private final DurableAnswers<K, V> durable;

    public ResilientRequests(String name, RequestPolicy policy, Duration cacheFor) {
        this(name, policy, cacheFor, DurableAnswers.none());
    }

    public ResilientRequests(String name, RequestPolicy policy, Duration cacheFor, DurableAnswers<K, V> durable) {
        this.name = name;
        this.durable = durable;
        this.policy = policy;
        this.bucket = Bucket.builder().addLimit(bandwidth(policy.spacing())).build();
        long retryWait = policy.retryWait().toMillis();
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(ResilientRequests::retryable)
                .intervalBiFunction((attempt, outcome) -> {
                    if (outcome.isLeft() && outcome.getLeft() instanceof MusicDatabaseUnavailableException unavailable
                            && unavailable.retryAfter() != null) {
                        return Math.max(unavailable.retryAfter().toMillis(), 1L);
                    }
                    return retryWait * (1L << Math.min(attempt - 1, 10));
                })
                .build());
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                // A 404 or a 400 is the database answering; only its being unavailable opens the circuit.
                .recordException(error -> error instanceof MusicDatabaseUnavailableException || error instanceof TimeoutException
                        || error instanceof WebClientRequestException)
                .build());
        this.timeLimiter = TimeLimiter.of(name, TimeLimiterConfig.custom().timeoutDuration(policy.timeout()).build());
        this.cache = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(50_000).buildAsync();
    }

    /** The cached answer for {@code key}, else {@code request}'s, under the retries, circuit breaker and rate limit. */
    public Mono<V> get(K key, Supplier<Mono<V>> request) {
        // suppressCancel: one caller giving up must not cancel the request other callers share.
        return Mono.fromFuture(() -> cache.get(key, (ignored, executor) -> durable.read(key)
                .switchIfEmpty(Mono.defer(() -> guarded(request).flatMap(answer -> durable.write(key, answer).thenReturn(answer))))
                .toFuture()), true);
    }

    /**
     * {@code request} under the retries, circuit breaker and rate limit, not cached: a lookup the adapter caches
     * itself (metadata by id), sharing the database's limit with the searches.
     */
    public <T> Mono<T> uncached(Supplier<Mono<T>> request) {
        return guarded(request);
    }

    private <T> Mono<T> guarded(Supplier<Mono<T>> request) {
        return Mono.defer(() -> inTurn(permit().then(Mono.defer(request).transformDeferred(TimeLimiterOperator.of(timeLimiter)))))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry))
                .onErrorMap(error -> !(error instanceof MusicDatabaseUnavailableException), this::unavailable);
    }

    /**
     * One request of this database at a time, each {@code spacing} after the previous one ended: the bucket spaces
     * the requests' departures, but the database counts arrivals, and a request that took long to leave (a new
     * connection, a cold JVM) would otherwise arrive close to the next. A request has surely arrived once answered.
     */
    private <T> Mono<T> inTurn(Mono<T> attempt) {
        Sinks.Empty<Void> ended = Sinks.empty();
        Mono<Void> previous = lastRequest.getAndSet(ended.asMono());
        return previous.then(attempt).doFinally(signal -> {
            pauseFor(policy.spacing());
            ended.tryEmitEmpty();
        });
    }

    /** Waits out a pause the database asked for, then for this request's turn in the bucket. */
    private Mono<Void> permit() {
        return Mono.defer(() -> {
            Duration pause = Duration.between(Instant.now(), pausedUntil.get());
            Mono<Void> waited = pause.isNegative() || pause.isZero() ? Mono.empty() : Mono.delay(pause).then();
            return waited.then(Mono.fromFuture(() -> bucket.asScheduler().consume(1, WAITS)));
        });
    }

    /** Every request of this database waits until then (a {@code Retry-After}, a quota spent). */
    public void pauseFor(Duration pause) {
        Instant until = Instant.now().plus(pause);
        pausedUntil.accumulateAndGet(until, (current, next) -> next.isAfter(current) ? next : current);
    }

    /** The database told us its real limit (a quota header): when lower than ours, keep to it. */
    public void limitTo(int requests, Duration per) {
        if (requests > 0 && per.dividedBy(requests).compareTo(policy.spacing()) > 0) {
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(per.dividedBy(requests))).build(),
                    io.github.bucket4j.TokensInheritanceStrategy.AS_IS);
        }
    }

    public RequestPolicy policy() {
        return policy;
    }

    /** A Retry-After the database sent that we may wait out; longer ones fail the request now. */
    public boolean waitable(Duration retryAfter) {
        return retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0;
    }

    private static Bandwidth bandwidth(Duration spacing) {
        return Bandwidth.builder().capacity(1).refillGreedy(1, spacing).initialTokens(1).build();
    }

    private static boolean retryable(Throwable error) {
        if (error instanceof MusicDatabaseUnavailableException unavailable) {
            return unavailable.retryable();
        }
        return error instanceof TimeoutException || error instanceof WebClientRequestException;
    }

    private MusicDatabaseUnavailableException unavailable(Throwable error) {
        if (error instanceof CallNotPermittedException) {
            return new MusicDatabaseUnavailableException(name + " keeps failing; its circuit is open", false, null);
        }
        if (error instanceof TimeoutException) {
            return new MusicDatabaseUnavailableException(name + " did not answer in time", false, null);
        }
        return new MusicDatabaseUnavailableException(name + " failed: " + error, false, null);
    }

    /** Seconds, or an HTTP date (RFC 9110); null when absent or neither. */
    public static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(Long.parseLong(header.strip()), 0));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }
}
