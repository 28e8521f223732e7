package io.novatune.trackapi.outbox.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level PostgreSQL advisory lock: held while this connection lives, released when the
 * replica stops or dies, so exactly one replica runs the engine and another takes over.
 */
final class RelayLeadership implements AutoCloseable {

    private final Connection connection;

    private RelayLeadership(Connection connection) {
        this.connection = connection;
    }

    /** The lock if it is free now, else {@code null}. */
    static RelayLeadership tryAcquire(RelaySettings settings) throws SQLException {
        Connection connection = DriverManager.getConnection(
                settings.jdbcUrl() + "?ApplicationName=novatune-outbox-relay-lock",
                settings.databaseUser(), settings.databasePassword());
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, settings.lockKey());
            try (ResultSet result = lock.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    return new RelayLeadership(connection);
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return null;
    }

    /** False once the session that holds the lock is gone: another replica may hold it now. */
    boolean stillHeld() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closing the session releases the lock. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The session is gone either way, and with it the lock.
        }
    }
}
