package io.novatune.trackapi.web;

import io.novatune.platform.problem.ExchangeProblems;
import tools.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Per-user token buckets (bucket4j) for listing and every write (adding tracks and albums, updating, deleting,
 * archiving now); over the limit answers 429
 * with {@code Retry-After}. Runs after authentication, so the bucket belongs to the token's subject.
 */
@Component
public class RateLimitFilter implements WebFilter, Ordered {

    private record BucketKey(String userId, TrackRequestKind kind) {
    }

    private final RateLimitProperties limits;
    private final ObjectMapper json;
    // Buckets of users who went quiet are dropped; a full bucket is what a new one would be anyway.
    private final Cache<BucketKey, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(5))
            .maximumSize(200_000)
            .build();

    public RateLimitFilter(RateLimitProperties limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TrackRequestKind kind = TrackRequestKind.of(exchange.getRequest());
        if (!limits.enabled() || kind == null || limits.perMinute(kind) == null) {
            return chain.filter(exchange);
        }
        // Decide first, then continue once: chain.filter completes empty, so it must not sit
        // before a switchIfEmpty.
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(authentication -> bucket(authentication.getName(), kind).tryConsumeAndReturnRemaining(1))
                .flatMap(probe -> {
                    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
                    return probe.isConsumed() ? Mono.<Boolean>just(true) : tooManyRequests(exchange, probe).thenReturn(false);
                })
                .defaultIfEmpty(true)
                .flatMap(allowed -> allowed ? chain.filter(exchange) : Mono.empty());
    }

    private Bucket bucket(String userId, TrackRequestKind kind) {
        return buckets.get(new BucketKey(userId, kind), key -> {
            int perMinute = limits.perMinute(kind);
            return Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build();
        });
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, ConsumptionProbe probe) {
        long retryAfterSeconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return ExchangeProblems.write(exchange, json, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests of this kind. Try again in " + retryAfterSeconds + " s.");
    }
}
