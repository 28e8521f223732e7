package io.novatune.infra;

import java.nio.file.Path;

/**
 * How to start a {@link PostgresServer}.
 *
 * @param dataDirectory where the cluster lives; {@code null} means a temporary directory deleted on close
 * @param port          TCP port; {@code 0} picks a free one
 * @param durable       {@code true} turns {@code fsync} on (the local stack keeps its data); {@code false} keeps
 *                      zonky's fast, crash-unsafe {@code fsync=off} of tests (commits are synchronous in both)
 */
public record PostgresOptions(Path dataDirectory, int port, boolean durable) {

    public PostgresOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static PostgresOptions forTests() {
        return new PostgresOptions(null, 0, false);
    }
}
