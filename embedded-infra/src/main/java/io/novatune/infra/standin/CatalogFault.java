package io.novatune.infra.standin;

import java.time.Duration;
import java.util.Map;

/** What a catalog stand-in answers instead of an album's data: an outage (5xx) or a rate limit (429, Retry-After). */
public record CatalogFault(int status, Map<String, String> headers) {

    public static CatalogFault unavailable() {
        return new CatalogFault(503, Map.of());
    }

    public static CatalogFault tooManyRequests(Duration retryAfter) {
        return new CatalogFault(429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
    }
}
