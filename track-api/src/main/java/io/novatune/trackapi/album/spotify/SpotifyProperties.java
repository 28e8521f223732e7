package io.novatune.trackapi.album.spotify;

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
 * The Spotify catalog adapter (its Web API), which lists albums added by a {@code spotify} catalog reference. Off
 * unless switched on.
 *
 * @param enabled           true: albums can be added by a {@code spotify} reference (else 400)
 * @param tokenUrl          the accounts service's token endpoint (client credentials grant)
 * @param apiUrl            the Web API's base, to which {@code /albums/…} and {@code /tracks} are appended
 * @param clientId          the app's client id (env {@code NOVATUNE_CATALOG_SPOTIFY_CLIENT_ID})
 * @param clientSecret      its secret (env {@code NOVATUNE_CATALOG_SPOTIFY_CLIENT_SECRET})
 * @param market            ISO 3166-1 alpha-2: the catalog answers what is available in this market
 * @param batchSize         track ids per several-tracks request; Spotify takes at most 50
 * @param maxPages          pages of an album's tracks followed at most (50 a page)
 * @see CatalogClientSettings for the request limits
 */
@ConfigurationProperties("novatune.catalog.spotify")
@Validated
public record SpotifyProperties(
        @DefaultValue("false") boolean enabled,
        @NotNull @DefaultValue("https://accounts.spotify.com/api/token") URI tokenUrl,
        @NotNull @DefaultValue("https://api.spotify.com/v1") URI apiUrl,
        String clientId,
        String clientSecret,
        @Pattern(regexp = "[A-Z]{2}") @DefaultValue("US") String market,
        @Min(1) @Max(50) @DefaultValue("50") int batchSize,
        @NotNull @DefaultValue("5s") Duration requestTimeout,
        @Min(1) @DefaultValue("3") int maxAttempts,
        @NotNull @DefaultValue("500ms") Duration retryWait,
        @NotNull @DefaultValue("10s") Duration maxRetryAfter,
        @Min(1) @DefaultValue("5") int requestsPerSecond,
        @Min(1) @DefaultValue("20") int maxPages) {

    CatalogClientSettings client() {
        return new CatalogClientSettings(tokenUrl, clientId, clientSecret, requestTimeout, maxAttempts, retryWait,
                maxRetryAfter, requestsPerSecond);
    }

    /** Without the secret: properties end up in logs. */
    @Override
    public String toString() {
        return "SpotifyProperties[enabled=" + enabled + ", tokenUrl=" + tokenUrl + ", apiUrl=" + apiUrl + ", clientId="
                + clientId + ", clientSecret=(hidden), market=" + market + ", batchSize=" + batchSize + "]";
    }
}
