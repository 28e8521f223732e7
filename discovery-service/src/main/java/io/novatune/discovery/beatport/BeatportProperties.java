package io.novatune.discovery.beatport;

import io.novatune.discovery.lookup.RequestPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Beatport's API v4, off by default: where it answers, the OAuth access token it is called with (Beatport issues API
 * access to partners only; the token comes from that agreement), and how fast we may ask.
 */
@ConfigurationProperties("novatune.discovery.beatport")
public record BeatportProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("https://api.beatport.com/v4") URI baseUrl,
        String token,
        @DefaultValue("10") int candidates,
        @DefaultValue RequestPolicy policy) {
}
