package io.novatune.infra;

import java.nio.file.Path;

/**
 * How to start a {@link KafkaServer}.
 *
 * @param logDirectory where the broker and controller keep their logs; {@code null} means a temporary directory
 *                     deleted on close
 * @param port         the client (PLAINTEXT) port; {@code 0} picks a free one
 */
public record KafkaOptions(Path logDirectory, int port) {

    public KafkaOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static KafkaOptions forTests() {
        return new KafkaOptions(null, 0);
    }
}
