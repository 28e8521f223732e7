package io.novatune.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's binaries) ready for Debezium: {@code wal_level=logical} and enough
 * replication slots and WAL senders for several relays at once.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String HOST = "localhost";
    private static final String SUPERUSER = "postgres";
    // initdb runs with trust authentication: the password is accepted but never checked.
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    // duplicate_database, and unique_violation when two sessions create the same database at once.
    private static final Set<String> ALREADY_EXISTS = Set.of("42P04", "23505");

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start(PostgresOptions options) {
        QuietServerLogs.apply();
        Path dataDirectory = options.dataDirectory() == null ? null : Directories.existing(options.dataDirectory());
        if (dataDirectory != null) {
            // First, as a leftover server of this directory may hold the port.
            StalePostmaster.stopIfRunning(dataDirectory);
        }
        if (options.port() != 0) {
            FreePort.requireFree(options.port(), "PostgreSQL");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(options.port())
                // The first start on a machine unpacks the binaries; 2 busy cores can be slow.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "20")
                .setServerConfig("max_wal_senders", "20")
                .setServerConfig("max_connections", "300");
        // zonky passes -F (fsync=off) and synchronous_commit=off; later -c settings override both. Commits stay
        // synchronous even for tests: the WAL is then written at each commit, and logical decoding (the outbox
        // relay) sees it at once instead of after the WAL writer's next round (up to 200 ms later). With fsync off
        // that costs a write, not a flush to disk.
        builder.setServerConfig("synchronous_commit", "on");
        if (options.durable()) {
            builder.setServerConfig("fsync", "on")
                    // Keeps the server's own log in <data>/log, readable after the launcher is gone.
                    .setServerConfig("logging_collector", "on")
                    .setServerConfig("log_directory", "log");
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        try {
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String host() {
        return HOST;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + HOST + ":" + port() + "/" + database;
    }

    /** Creates the database unless it exists; safe to call from several threads and several times. */
    public synchronized void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            if (!ALREADY_EXISTS.contains(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Stops the server (fast shutdown); a temporary data directory is deleted, a persistent one kept. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on " + HOST + ":" + port();
    }
}
