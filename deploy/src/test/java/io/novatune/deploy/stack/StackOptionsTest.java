package io.novatune.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StackOptionsTest {

    @Test
    void without_flags_the_stack_uses_the_documented_defaults() {
        StackOptions options = StackOptions.parse(new String[0], null);

        assertThat(options.dataDirectory()).isEqualTo(Path.of(".novatune").toAbsolutePath());
        assertThat(options.reset()).isFalse();
        assertThat(options.startServices()).isTrue();
        assertThat(List.of(options.postgresPort(), options.kafkaPort(), options.s3Port())).containsExactly(54329, 19092, 18333);
        assertThat(options.services()).extracting(StackService::module, StackService::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("track-api", 8080),
                org.assertj.core.groups.Tuple.tuple("lifecycle-worker", 8081),
                org.assertj.core.groups.Tuple.tuple("ingestion-scheduler", 8082),
                org.assertj.core.groups.Tuple.tuple("discovery-service", 8083),
                org.assertj.core.groups.Tuple.tuple("archiver", 8084));
        assertThat(options.serviceJavaOptions()).containsExactly("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void every_flag_overrides_its_default() {
        StackOptions options = StackOptions.parse(new String[] {
                "--reset", "--no-services", "--data-dir", "/tmp/x", "--postgres-port", "1", "--kafka-port", "2", "--s3-port", "3",
                "--archiver-port", "9084", "--java-opts", "-Xmx1g  -XX:+UseG1GC", "--startup-timeout-seconds", "30"}, "-Xmx2g");

        assertThat(options.reset()).isTrue();
        assertThat(options.startServices()).isFalse();
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
        assertThat(List.of(options.postgresPort(), options.kafkaPort(), options.s3Port())).containsExactly(1, 2, 3);
        assertThat(options.services().get(4).port()).isEqualTo(9084);
        assertThat(options.serviceJavaOptions()).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void java_options_come_from_the_environment_when_no_flag_is_given() {
        assertThat(StackOptions.parse(new String[0], "-Xmx256m").serviceJavaOptions()).containsExactly("-Xmx256m");
    }

    @Test
    void a_mistyped_flag_or_value_is_refused_with_a_reason() {
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--rest"}, null)).hasMessageContaining("unknown option --rest");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--kafka-port", "x"}, null)).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--data-dir"}, null)).hasMessageContaining("needs a value");
    }
}
