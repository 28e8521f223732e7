package io.novatune.trackapi.outbox.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled false only where another process relays this database (some tests)
 * @param lockKey the advisory lock key; the same in every replica of one deployment
 */
@ConfigurationProperties("novatune.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("novatune_outbox") String slotName,
        @DefaultValue("novatune_outbox") String publicationName,
        @DefaultValue("7243001") long lockKey,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("1s") Duration leadershipCheck) {
}
