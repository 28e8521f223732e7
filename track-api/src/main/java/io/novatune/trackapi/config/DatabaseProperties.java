package io.novatune.trackapi.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the {@code tracks} database is; R2DBC, Flyway and the relay's Debezium engine all derive from it. */
@ConfigurationProperties("novatune.database")
public record DatabaseProperties(String host, int port, String name, String username, String password) {
}
