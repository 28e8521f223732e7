package io.novatune.discovery.spotify;

import io.novatune.discovery.lookup.RequestPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Spotify's Web API, off by default: where it answers, where its tokens come from (the client-credentials grant with
 * the app's client id and secret), and how fast we may ask (Spotify publishes no fixed limit; it counts a rolling
 * 30 s window and answers 429 with {@code Retry-After} beyond it).
 */
@ConfigurationProperties("novatune.discovery.spotify")
public record SpotifyProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://api.spotify.com/v1") URI baseUrl,
        @DefaultValue("https://accounts.spotify.com/api/token") URI tokenUrl,
        String clientId,
        String clientSecret,
        @DefaultValue("10") int candidates,
        /* Audio features are fetched for the first few candidates only: each is one more request. */
        @DefaultValue("3") int audioFeatures,
        @DefaultValue RequestPolicy policy) {
}
