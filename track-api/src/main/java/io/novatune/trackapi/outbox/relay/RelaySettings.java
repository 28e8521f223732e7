package io.novatune.trackapi.outbox.relay;

import java.time.Duration;
import java.util.Map;

/**
 * Everything one outbox relay needs to know.
 *
 * @param instance          a name for this replica in logs and health
 * @param slotName          the replication slot: one per database, shared by every replica
 * @param lockKey           the PostgreSQL advisory lock that elects the one replica running the engine
 * @param leadershipCheck   how often a standby tries the lock and a leader checks it still holds it
 * @param offsetTopic       the compacted topic holding the engine's offsets: one per slot, shared by every replica
 * @param offsetTopicReplicationFactor its replication factor when the relay creates it; -1 takes the broker's default
 * @param kafkaClient       how to reach Kafka: bootstrap servers, and security (TLS, SASL) where the cluster needs it
 */
public record RelaySettings(
        String instance,
        String databaseHost,
        int databasePort,
        String databaseName,
        String databaseUser,
        String databasePassword,
        String slotName,
        String publicationName,
        String offsetTopic,
        short offsetTopicReplicationFactor,
        long lockKey,
        Duration heartbeatInterval,
        Duration leadershipCheck,
        Map<String, Object> kafkaClient) {

    public RelaySettings {
        kafkaClient = Map.copyOf(kafkaClient);
    }

    /** Without the database password and the Kafka client settings, which may hold a SASL secret. */
    @Override
    public String toString() {
        return "RelaySettings[instance=" + instance + ", database=" + jdbcUrl() + ", user=" + databaseUser
                + ", slot=" + slotName + ", publication=" + publicationName + ", offsetTopic=" + offsetTopic
                + ", lockKey=" + lockKey
                + ", kafka=" + kafkaClient.get("bootstrap.servers") + "]";
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + databaseHost + ":" + databasePort + "/" + databaseName;
    }
}
