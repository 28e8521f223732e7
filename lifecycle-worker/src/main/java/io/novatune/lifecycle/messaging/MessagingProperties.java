package io.novatune.lifecycle.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param publishTimeout how long a {@code TrackPurged} may wait for Kafka's acknowledgement before the purge
 *                       counts as failed (and is retried: the retry finds the objects gone and publishes again)
 */
@ConfigurationProperties("novatune.lifecycle.messaging")
public record MessagingProperties(@DefaultValue("15s") Duration publishTimeout) {
}
