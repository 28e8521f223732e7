package io.novatune.trackapi.album.tidal;

import io.novatune.trackapi.album.catalogclient.CatalogClientSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * The TIDAL catalog adapter (its API v2, JSON:API), which lists albums added by a {@code tidal} catalog reference.
 *
 * @param enabled          false: no album can be added by a {@code tidal} reference (400)
 * @param tokenUrl         the OAuth 2 token endpoint (client credentials grant)
 * @param apiUrl           the API's base, to which {@code /albums/…} and {@code /tracks} are appended
 * @param clientId         the app's client id (env {@code NOVATUNE_CATALOG_TIDAL_CLIENT_ID}); without it every
 *                         listing fails, and albums are added {@code UNAVAILABLE}
 * @param clientSecret     its secret (env {@code NOVATUNE_CATALOG_TIDAL_CLIENT_SECRET})
 * @param countryCode      ISO 3166-1 alpha-2: the catalog answers what is available in this country
 * @param batchSize        track ids per batch tracks request; TIDAL takes at most 20
 * @param requestTimeout   one request's limit, the token's included
 * @param maxAttempts      tries of one request (5xx, 429, timeouts, connection failures are tried again)
 * @param retryWait        the wait before the second try, doubled before each next one …
 * @param maxRetryAfter    … unless the catalog answered 429 with a {@code Retry-After}, which is honoured up to this; a
 *                         longer one fails the listing now, and the timer tries again after it
 * @param requestsPerSecond our own rate limit towards the catalog, per replica
 * @param maxPages         pages of an album's items followed at most (20 items a page)
 */
@ConfigurationProperties("novatune.catalog.tidal")
@Validated
public record TidalProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("https://auth.tidal.com/v1/oauth2/token") URI tokenUrl,
        @NotNull @DefaultValue("https://openapi.tidal.com/v2") URI apiUrl,
        String clientId,
        String clientSecret,
        @Pattern(regexp = "[A-Z]{2}") @DefaultValue("US") String countryCode,
        @Min(1) @Max(20) @DefaultValue("20") int batchSize,
        @NotNull @DefaultValue("5s") Duration requestTimeout,
        @Min(1) @DefaultValue("3") int maxAttempts,
        @NotNull @DefaultValue("500ms") Duration retryWait,
        @NotNull @DefaultValue("10s") Duration maxRetryAfter,
        @Min(1) @DefaultValue("5") int requestsPerSecond,
        @Min(1) @DefaultValue("50") int maxPages) {

    CatalogClientSettings client() {
        return new CatalogClientSettings(tokenUrl, clientId, clientSecret, requestTimeout, maxAttempts, retryWait,
                maxRetryAfter, requestsPerSecond);
    }

    /** Without the secret: properties end up in logs. */
    @Override
    public String toString() {
        return "TidalProperties[enabled=" + enabled + ", tokenUrl=" + tokenUrl + ", apiUrl=" + apiUrl + ", clientId="
                + clientId + ", clientSecret=(hidden), countryCode=" + countryCode + ", batchSize=" + batchSize + "]";
    }
}
