package io.novatune.discovery.discogs;

import io.novatune.discovery.lookup.RequestPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Discogs' API: where it answers, the personal access token (search needs authentication), and its limit of 60
 * authenticated requests per moving minute ({@code policy.requests}/{@code policy.per}, set in application.yml). Without a token the adapter
 * is off.
 */
@ConfigurationProperties("novatune.discovery.discogs")
public record DiscogsProperties(
        @DefaultValue("https://api.discogs.com") URI baseUrl,
        String token,
        @DefaultValue("NovaTune-discovery/0.1 +https://novatune.example/contact") String userAgent,
        @DefaultValue("10") int candidates,
        @DefaultValue RequestPolicy policy) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
