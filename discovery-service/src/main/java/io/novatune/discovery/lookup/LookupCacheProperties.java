package io.novatune.discovery.lookup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The database cache of the music databases' answers: whether it is used, how long an answer stays valid there (longer
 * than the in-memory hour: a track's credits rarely change, and every request saved is a second of MusicBrainz's
 * limit), and how often expired rows are swept.
 */
@ConfigurationProperties("novatune.discovery.lookup-cache")
public record LookupCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration expireAfter,
        @DefaultValue("1h") Duration sweepInterval) {
}
