package io.novatune.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresServerTest {

    @Test
    void a_test_server_replicates_logically_and_ensure_database_is_idempotent() throws SQLException {
        PostgresServer postgres = SharedInfrastructure.postgres();

        assertThat(setting(postgres, "postgres", "wal_level")).isEqualTo("logical");
        assertThat(Integer.parseInt(setting(postgres, "postgres", "max_replication_slots"))).isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(setting(postgres, "postgres", "max_wal_senders"))).isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(setting(postgres, "postgres", "max_connections"))).isGreaterThanOrEqualTo(200);

        postgres.ensureDatabase("ensure_twice");
        postgres.ensureDatabase("ensure_twice");

        assertThat(setting(postgres, "ensure_twice", "server_version_num")).startsWith("17");
        assertThat(postgres.jdbcUrl("tracks")).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/tracks");
        assertThat(postgres.r2dbcUrl("tracks")).isEqualTo("r2dbc:postgresql://localhost:" + postgres.port() + "/tracks");
    }

    @Test
    void a_durable_server_syncs_and_keeps_a_row_across_stop_and_start_on_the_same_directory(@TempDir Path data) throws SQLException {
        PostgresOptions options = new PostgresOptions(data.resolve("pg"), 0, true);

        try (PostgresServer first = PostgresServer.start(options)) {
            assertThat(setting(first, "postgres", "fsync")).isEqualTo("on");
            assertThat(setting(first, "postgres", "synchronous_commit")).isEqualTo("on");
            assertThat(setting(first, "postgres", "wal_level")).isEqualTo("logical");
            first.ensureDatabase("kept");
            execute(first, "kept", "CREATE TABLE song (title text)", "INSERT INTO song VALUES ('Around the World')");
        }

        try (PostgresServer second = PostgresServer.start(options)) {
            assertThat(query(second, "kept", "SELECT title FROM song")).isEqualTo("Around the World");
        }
    }

    private static String setting(PostgresServer postgres, String database, String name) throws SQLException {
        return query(postgres, database, "SHOW " + name);
    }

    private static String query(PostgresServer postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static void execute(PostgresServer postgres, String database, String... sql) throws SQLException {
        try (Connection connection = connect(postgres, database); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static Connection connect(PostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
