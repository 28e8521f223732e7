package io.novatune.trackapi.outbox.relay;

import java.time.Duration;

/**
 * Everything one outbox relay needs to know.
 *
 * @param instance          a name for this replica in logs and health
 * @param slotName          the replication slot: one per database, shared by every replica
 * @param lockKey           the PostgreSQL advisory lock that elects the one replica running the engine
 * @param leadershipCheck   how often a standby tries the lock and a leader checks it still holds it
 */
public record RelaySettings(
        String instance,
        String databaseHost,
        int databasePort,
        String databaseName,
        String databaseUser,
        String databasePassword,
        String kafkaBootstrapServers,
        String slotName,
        String publicationName,
        long lockKey,
        Duration heartbeatInterval,
        Duration leadershipCheck) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + databaseHost + ":" + databasePort + "/" + databaseName;
    }
}
