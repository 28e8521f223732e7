package io.novatune.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.novatune.deploy.testing.FreeTcpPort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceProcessTest {

    private static final List<String> JAVA_OPTIONS = List.of("-Xmx32m", "-XX:TieredStopAtLevel=1");

    @TempDir
    static Path build;
    private static Path fakeJar;

    @TempDir
    Path root;

    @BeforeAll
    static void buildFakeService() throws Exception {
        fakeJar = FakeServiceJar.build(build);
    }

    @Test
    void a_service_gets_its_environment_is_waited_for_until_up_and_stops_gracefully() throws Exception {
        DataDirectory data = prepared();
        StackService service = new StackService("fake-api", FreeTcpPort.pick(), Optional.of("tracks"));

        ServiceProcess process = ServiceProcess.launch(service, fakeJar, JAVA_OPTIONS, data.root().toString(),
                Map.of("SERVER_PORT", Integer.toString(service.port()), "NOVATUNE_DATABASE_NAME", "tracks"), data);
        new HealthWait().untilAllUp(List.of(process), Duration.ofSeconds(30));
        process.requestStop();
        process.awaitStopped();

        assertThat(process.isAlive()).isFalse();
        String log = Files.readString(data.log("fake-api"));
        assertThat(log).contains("NOVATUNE_DATABASE_NAME=tracks", "SERVER_PORT=" + service.port(),
                "marker=" + data.root(), "started", "stopping gracefully");
        assertThat(data.workingDirectory("fake-api")).isDirectory();
    }

    @Test
    void a_service_that_exits_fails_the_start_naming_it_and_showing_its_log() {
        DataDirectory data = prepared();
        StackService service = new StackService("broken-api", FreeTcpPort.pick(), Optional.empty());

        ServiceProcess process = ServiceProcess.launch(service, build.resolve("missing.jar"), JAVA_OPTIONS,
                data.root().toString(), Map.of(), data);

        assertThatThrownBy(() -> new HealthWait().untilAllUp(List.of(process), Duration.ofSeconds(30)))
                .isInstanceOf(HealthWait.ServiceStartFailure.class)
                .hasMessageContaining("broken-api exited with code 1")
                .hasMessageContaining("Unable to access jarfile");
    }

    @Test
    void a_service_that_stays_down_fails_the_start_at_the_deadline_with_its_last_health_answer() {
        DataDirectory data = prepared();
        StackService service = new StackService("sick-api", FreeTcpPort.pick(), Optional.empty());
        ServiceProcess process = ServiceProcess.launch(service, fakeJar, JAVA_OPTIONS, data.root().toString(),
                Map.of("SERVER_PORT", Integer.toString(service.port()), "FAKE_HEALTH", "DOWN"), data);
        try {
            assertThatThrownBy(() -> new HealthWait().untilAllUp(List.of(process), Duration.ofSeconds(5)))
                    .isInstanceOf(HealthWait.ServiceStartFailure.class)
                    .hasMessageContaining("sick-api is not UP after 5 s")
                    .hasMessageContaining("HTTP 503 status DOWN");
        } finally {
            process.requestStop();
            process.awaitStopped();
        }
    }

    private DataDirectory prepared() {
        DataDirectory data = new DataDirectory(root.resolve("stack"));
        data.lock();
        data.prepare();
        return data;
    }
}
