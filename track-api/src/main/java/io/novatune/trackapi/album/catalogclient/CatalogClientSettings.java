package io.novatune.trackapi.album.catalogclient;

import java.net.URI;
import java.time.Duration;

/**
 * How a catalog adapter talks to its service: the client credentials grant and the limits of every request.
 *
 * @param tokenUrl          the OAuth 2 token endpoint (client credentials grant, HTTP Basic)
 * @param clientId          without it (or the secret) every listing fails, and albums are added {@code UNAVAILABLE}
 * @param requestTimeout    one request's limit, the token's included
 * @param maxAttempts       tries of one request (5xx, 429, timeouts, connection failures are tried again)
 * @param retryWait         the wait before the second try, doubled before each next one …
 * @param maxRetryAfter     … unless the catalog answered 429 with a {@code Retry-After}, which is honoured up to this;
 *                          a longer one fails the listing now, and the album's timer tries again after it
 * @param requestsPerSecond our own rate limit towards the catalog, per replica
 */
public record CatalogClientSettings(URI tokenUrl, String clientId, String clientSecret, Duration requestTimeout,
                                    int maxAttempts, Duration retryWait, Duration maxRetryAfter, int requestsPerSecond) {

    boolean hasCredentials() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    /** Without the secret: settings end up in logs. */
    @Override
    public String toString() {
        return "CatalogClientSettings[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", clientSecret=(hidden)]";
    }
}
