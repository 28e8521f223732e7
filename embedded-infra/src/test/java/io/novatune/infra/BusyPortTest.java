package io.novatune.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusyPortTest {

    @Test
    void each_server_refuses_a_port_in_use_at_once_and_says_which() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            int port = busy.getLocalPort();

            assertThatThrownBy(() -> PostgresServer.start(new PostgresOptions(null, port, false)))
                    .hasMessage("PostgreSQL cannot start: port " + port + " is in use");
            assertThatThrownBy(() -> KafkaServer.start(new KafkaOptions(null, port)))
                    .hasMessage("Kafka cannot start: port " + port + " is in use");
            assertThatThrownBy(() -> S3Server.start(new S3Options(null, port)))
                    .hasMessage("S3Proxy cannot start: port " + port + " is in use");
        }
    }
}
