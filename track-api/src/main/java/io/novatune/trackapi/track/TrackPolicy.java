package io.novatune.trackapi.track;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param deletionGracePeriod how long a deleted track can be restored before it is purged
 * @param archiveDelay        when, after creation, a provider track's assets are copied to our storage
 *                            (provider links expire after 15 days); for links that expire sooner, the same share
 *                            of their life
 * @param maxProviderLinkLifetime how far ahead a provider link's {@code expiresAt} may lie; further is refused (400)
 */
@ConfigurationProperties("novatune.tracks")
public record TrackPolicy(
        @DefaultValue("30d") Duration deletionGracePeriod,
        @DefaultValue("13d") Duration archiveDelay,
        @DefaultValue("30d") Duration maxProviderLinkLifetime) {
}
