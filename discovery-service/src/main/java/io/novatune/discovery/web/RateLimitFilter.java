package io.novatune.discovery.web;

import io.novatune.platform.problem.ExchangeProblems;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Optional;

/**
 * Per-user token buckets (bucket4j) on the tracklists API: listing, importing, updating, deleting and starting a
 * discovery job each have their own per-minute budget; beyond it the answer is 429 problem+json with
 * {@code Retry-After}. Starting a job has the strictest: one job costs up to a hundred external requests, and
 * MusicBrainz allows one a second to the whole instance. Per replica (ADR 0009).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RateLimitFilter implements WebFilter {

    private static final String TRACKLISTS = "/api/v1/tracklists";
    private static final String DISCOVER_TRACKS = "/discover-tracks";

    private static final long DRAINED_BODY_BYTES = 1024 * 1024;

    private final RateLimitProperties limits;
    private final ObjectMapper json;
    /** Buckets of users who went quiet are dropped: a new bucket is full, as a quiet user's would be. */
    private final Cache<String, Bucket> bucketsByKindAndUser;

    public RateLimitFilter(RateLimitProperties limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
        this.bucketsByKindAndUser = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5)).maximumSize(200_000).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String kind = kindOf(exchange.getRequest());
        if (!limits.enabled() || kind == null) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(user -> Optional.of(bucketsByKindAndUser.get(kind + ':' + user.getName(), key -> bucket(perMinute(kind)))
                        .tryConsumeAndReturnRemaining(1)))
                .defaultIfEmpty(Optional.empty())
                .flatMap(probe -> probe.isPresent() && !probe.get().isConsumed()
                        ? rejected(exchange, probe.get())
                        : chain.filter(exchange));
    }

    private Mono<Void> rejected(ServerWebExchange exchange, ConsumptionProbe probe) {
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return unread(exchange).then(ExchangeProblems.write(exchange, json, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too many requests", "Too many requests of this kind. Try again in " + seconds + " s."));
    }

    /**
     * A request body of up to {@value #DRAINED_BODY_BYTES} bytes is read and dropped before the 429: answered while
     * the client still sends it, the connection would be reset and the client would never see the 429. A larger or
     * unsized body is not read (the connection closes).
     */
    private static Mono<Void> unread(ServerWebExchange exchange) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        return length > 0 && length <= DRAINED_BODY_BYTES
                ? exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then()
                : Mono.empty();
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    private int perMinute(String kind) {
        return switch (kind) {
            case "list" -> limits.listPerMinute();
            case "import" -> limits.importPerMinute();
            case "update" -> limits.updatePerMinute();
            case "discover" -> limits.discoverPerMinute();
            default -> limits.deletePerMinute();
        };
    }

    private static String kindOf(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (!path.startsWith(TRACKLISTS)) {
            return null;
        }
        HttpMethod method = request.getMethod();
        boolean collection = path.equals(TRACKLISTS) || path.equals(TRACKLISTS + "/");
        if (HttpMethod.GET.equals(method)) {
            return collection ? "list" : null;
        }
        if (HttpMethod.POST.equals(method)) {
            if (collection) {
                return "import";
            }
            return path.endsWith(DISCOVER_TRACKS) ? "discover" : null;
        }
        if (HttpMethod.PATCH.equals(method)) {
            return "update";
        }
        return HttpMethod.DELETE.equals(method) ? "delete" : null;
    }
}
