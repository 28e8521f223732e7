package io.novatune.trackapi.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How provider tracks' assets are chased into our storage (when the first attempt is due is
 * {@code novatune.tracks.archive-delay}; how long links live and which are taken, {@code ProviderLinkPolicy}).
 *
 * @param lease               after an {@code ArchiveDue} is sent, the timer waits this long for an answer
 *                            before sending it again
 * @param retryBackoff        a retryable {@code ArchiveFailed} re-arms the timer this long × the attempts so far
 * @param urgentWithin        statistics count a pending track as urgent this close to its expiry
 */
@ConfigurationProperties("novatune.archive")
public record ArchivePolicy(
        @DefaultValue("30m") Duration lease,
        @DefaultValue("5m") Duration retryBackoff,
        @DefaultValue("2d") Duration urgentWithin) {
}
