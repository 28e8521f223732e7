package io.novatune.trackapi.outbox.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled false only where another process relays this database (some tests)
 * @param lockKey the advisory lock key; the same in every replica of one deployment
 * @param offsetTopic the compacted topic of the engine's offsets; the same in every replica of one deployment
 * @param offsetTopicReplicationFactor the offset topic's replication factor when the relay creates it (-1: the
 *                                     broker's default.replication.factor)
 */
@ConfigurationProperties("novatune.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("novatune_outbox") String slotName,
        @DefaultValue("novatune_outbox") String publicationName,
        @DefaultValue("novatune-outbox-relay-offsets") String offsetTopic,
        @DefaultValue("-1") short offsetTopicReplicationFactor,
        @DefaultValue("7243001") long lockKey,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("1s") Duration leadershipCheck) {
}
