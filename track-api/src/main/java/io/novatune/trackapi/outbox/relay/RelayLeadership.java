package io.novatune.trackapi.outbox.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A session-level PostgreSQL advisory lock: held while this connection lives, released when the
 * replica stops or dies, so exactly one replica runs the engine and another takes over.
 *
 * <p>The session is also a lease the server enforces: the leader touches it every leadership check
 * ({@link #stillHeld}), and a session idle for longer than {@link #idleLimit} is ended by PostgreSQL itself
 * ({@code idle_session_timeout}). So a leader that froze — a hung node, or a network path that swallows packets
 * while the TCP peer still acknowledges keepalives — loses the lock within that limit, and a standby leads.
 */
final class RelayLeadership implements AutoCloseable {

    private static final Duration MIN_IDLE_LIMIT = Duration.ofSeconds(15);

    private final Connection connection;

    private RelayLeadership(Connection connection) {
        this.connection = connection;
    }

    /** The lock if it is free now, else {@code null}. */
    static RelayLeadership tryAcquire(RelaySettings settings) throws SQLException {
        Connection connection = DriverManager.getConnection(
                settings.jdbcUrl() + "?ApplicationName=novatune-outbox-relay-lock",
                settings.databaseUser(), settings.databasePassword());
        try (Statement keepalive = connection.createStatement()) {
            // Server-side: if this replica's node vanishes (a network cut, no FIN), PostgreSQL ends the session
            // within about 25 s and releases the lock, instead of holding it until the OS keepalive (~2 h).
            keepalive.execute("SET tcp_keepalives_idle = 10");
            keepalive.execute("SET tcp_keepalives_interval = 5");
            keepalive.execute("SET tcp_keepalives_count = 3");
            keepalive.execute("SET tcp_user_timeout = 25000");
            keepalive.execute("SET idle_session_timeout = " + idleLimit(settings).toMillis());
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
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

    /** Ten leadership checks without a word from the leader, and never less than 15 s (a long GC pause is not death). */
    static Duration idleLimit(RelaySettings settings) {
        Duration tenChecks = settings.leadershipCheck().multipliedBy(10);
        return tenChecks.compareTo(MIN_IDLE_LIMIT) < 0 ? MIN_IDLE_LIMIT : tenChecks;
    }

    /**
     * Whether the replication slot is there. Missing, Debezium would create a new one at the current end of the
     * WAL and silently skip every outbox row committed since the old one was lost.
     */
    boolean slotExists(String slot) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, slot);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * Ends the session still streaming from the slot, if any: with the lock ours, it can only be a former leader that
     * froze, and PostgreSQL would otherwise keep the slot busy until its {@code wal_sender_timeout} (60 s by default).
     * Answers whether there was one.
     */
    boolean evictFormerStreamer(String slot) throws SQLException {
        try (PreparedStatement evict = connection.prepareStatement(
                "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = ? AND active")) {
            evict.setString(1, slot);
            try (ResultSet result = evict.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
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
