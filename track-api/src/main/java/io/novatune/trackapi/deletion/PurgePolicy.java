package io.novatune.trackapi.deletion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How physical deletions are chased (the grace period itself is {@code novatune.tracks.deletion-grace-period}).
 *
 * @param resendAfter a purge with no {@code TrackPurged} after this long is sent again
 * @param maxAttempts after this many sends without an answer the track is {@code DELETE_FAILED}
 */
@ConfigurationProperties("novatune.purge")
public record PurgePolicy(
        @DefaultValue("10m") Duration resendAfter,
        @DefaultValue("5") int maxAttempts) {
}
