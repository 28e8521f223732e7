package io.novatune.trackapi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark-only switch of the outbox: a trigger that drops every row written to it, so that the same service
 * runs with no event appended, no WAL for the relay to decode and nothing to send. The service's code has no such
 * switch; the benchmark installs the trigger in its own database.
 */
final class OutboxSwitch {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    OutboxSwitch(String jdbcUrl, String user, String password) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        execute("""
                CREATE OR REPLACE FUNCTION bench_drop_outbox_row() RETURNS trigger LANGUAGE plpgsql
                AS 'BEGIN RETURN NULL; END'""",
                "DROP TRIGGER IF EXISTS bench_outbox_off ON outbox",
                "CREATE TRIGGER bench_outbox_off BEFORE INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION bench_drop_outbox_row()",
                "ALTER TABLE outbox DISABLE TRIGGER bench_outbox_off");
    }

    void appending(boolean appending) throws SQLException {
        execute("ALTER TABLE outbox " + (appending ? "DISABLE" : "ENABLE") + " TRIGGER bench_outbox_off");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
