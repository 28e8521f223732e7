package io.novatune.infra;

import java.nio.file.Path;

/**
 * How to start an {@link S3Server}.
 *
 * @param storageDirectory where buckets and objects are kept as files; {@code null} means a transient in-memory
 *                         store that lives as long as the server object
 * @param port             HTTP port; {@code 0} picks a free one (kept across {@link S3Server#restart()})
 */
public record S3Options(Path storageDirectory, int port) {

    public S3Options {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static S3Options forTests() {
        return new S3Options(null, 0);
    }
}
