package io.novatune.deploy.stack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import io.novatune.deploy.testing.FreeTcpPort;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PortCheckTest {

    @Test
    void a_port_in_use_is_reported_with_the_part_that_wanted_it() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("Kafka", FreeTcpPort.pick());
            ports.put("track-api", busy.getLocalPort());

            assertThatThrownBy(() -> PortCheck.requireFree(ports))
                    .hasMessageContaining("ports in use: " + busy.getLocalPort() + " (track-api)");
        }
    }

    @Test
    void free_ports_pass_and_one_port_given_twice_does_not() {
        int port = FreeTcpPort.pick();
        assertThatCode(() -> PortCheck.requireFree(Map.of("S3", port))).doesNotThrowAnyException();

        Map<String, Integer> twice = new LinkedHashMap<>();
        twice.put("S3", port);
        twice.put("archiver", port);
        assertThatThrownBy(() -> PortCheck.requireFree(twice)).hasMessageContaining("archiver and S3 are both given port " + port);
    }
}
