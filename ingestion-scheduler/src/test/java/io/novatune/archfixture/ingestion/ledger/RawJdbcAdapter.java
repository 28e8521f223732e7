package io.novatune.archfixture.ingestion.ledger;

import org.springframework.jdbc.core.JdbcTemplate;

/** A JDBC adapter not named like a store: it is one because it uses JDBC. */
public class RawJdbcAdapter {

    private final JdbcTemplate jdbc;

    public RawJdbcAdapter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc == null ? 0 : 1;
    }
}
