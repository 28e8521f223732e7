package io.novatune.discovery.musicbrainz;

import io.novatune.discovery.lookup.RequestPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * MusicBrainz's web service: where it answers, who we say we are (MusicBrainz blocks clients without a meaningful
 * User-Agent with a contact), and its limit of one request per second per client.
 */
@ConfigurationProperties("novatune.discovery.musicbrainz")
public record MusicBrainzProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("https://musicbrainz.org/ws/2") URI baseUrl,
        @DefaultValue("NovaTune-discovery/0.1 ( https://novatune.example/contact ; ops@novatune.example )") String userAgent,
        @DefaultValue("10") int candidates,
        @DefaultValue RequestPolicy policy) {
}
