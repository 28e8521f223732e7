package io.novatune.deploy.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.novatune.deploy.tail.TailOptions;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KafkaClientSettingsTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @Test
    void the_files_settings_reach_the_client_config_and_may_change_the_tools_defaults() throws IOException {
        KafkaClientSettings settings = KafkaClientSettings.of(Optional.of("kafka:9093"), Optional.of(file("""
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                client.id=operator-laptop
                request.timeout.ms=60000
                """)));

        Map<String, Object> config = settings.clientConfig("a tool's client",
                Map.of("client.id", "tool-1", "request.timeout.ms", 10_000, "retry.backoff.ms", 500), Map.of(), stderr());

        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "client.id", "operator-laptop",
                "request.timeout.ms", "60000",
                "retry.backoff.ms", 500));
        assertThat(warned()).isEmpty();
    }

    @Test
    void the_tools_guarantees_win_over_the_file_with_one_warning_line_naming_what_was_ignored() throws IOException {
        KafkaClientSettings settings = KafkaClientSettings.of(Optional.empty(), Optional.of(file("""
                acks=1
                enable.idempotence=false
                transactional.id=copied-from-a-service
                security.protocol=SSL
                """)));

        Map<String, Object> config = settings.clientConfig("dlt-redrive's producer", Map.of(),
                Map.of("acks", "all", "enable.idempotence", true, "transactional.id", KafkaClientSettings.UNSET), stderr());

        assertThat(config).containsEntry("acks", "all").containsEntry("enable.idempotence", true)
                .containsEntry("security.protocol", "SSL").doesNotContainKey("transactional.id");
        assertThat(warned()).isEqualTo("warning: dlt-redrive's producer ignores acks, enable.idempotence, transactional.id"
                + " from --command-config: its guarantees rest on its own values\n");
    }

    @Test
    void a_file_that_repeats_the_tools_own_value_is_not_warned_about() throws IOException {
        KafkaClientSettings settings = KafkaClientSettings.of(Optional.empty(), Optional.of(file("""
                acks=all
                isolation.level=READ_COMMITTED
                key.serializer=org.apache.kafka.common.serialization.ByteArraySerializer
                """)));

        settings.clientConfig("a producer", Map.of(), Map.of("acks", "all", "isolation.level", "read_committed",
                "key.serializer", ByteArraySerializer.class), stderr());

        assertThat(warned()).isEmpty();
    }

    @Test
    void bootstrap_given_explicitly_wins_over_the_files_bootstrap_servers_which_wins_over_the_local_stack() throws IOException {
        Path withServers = file("bootstrap.servers=kafka-1.prod:9093,kafka-2.prod:9093\nsecurity.protocol=SSL\n");
        Path withoutServers = file("security.protocol=SSL\n");

        KafkaClientSettings flagWins = KafkaClientSettings.of(Optional.of("127.0.0.1:29092"), Optional.of(withServers));
        assertThat(flagWins.bootstrapServers()).isEqualTo("127.0.0.1:29092");
        assertThat(flagWins.clientConfig("a client", Map.of(), Map.of(), stderr())).containsEntry("bootstrap.servers", "127.0.0.1:29092");
        assertThat(KafkaClientSettings.of(Optional.empty(), Optional.of(withServers)).bootstrapServers())
                .isEqualTo("kafka-1.prod:9093,kafka-2.prod:9093");
        assertThat(KafkaClientSettings.of(Optional.empty(), Optional.of(withoutServers)).bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(KafkaClientSettings.of(Optional.empty(), Optional.empty())).isEqualTo(KafkaClientSettings.bootstrapOnly("127.0.0.1:19092"));
        assertThat(warned()).isEmpty();
    }

    @Test
    void a_file_that_is_missing_or_cannot_be_read_is_bad_input_in_one_line() throws IOException {
        Path missing = directory.resolve("client.properties");
        Path badEscape = Files.writeString(directory.resolve("bad.properties"), "ssl.keystore.password=\\u12\n");

        assertThatThrownBy(() -> KafkaClientSettings.of(Optional.empty(), Optional.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--command-config: no such file " + missing);
        assertThatThrownBy(() -> KafkaClientSettings.of(Optional.empty(), Optional.of(directory)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--command-config: cannot read " + directory + ": ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> KafkaClientSettings.of(Optional.empty(), Optional.of(badEscape)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--command-config: cannot read " + badEscape + ": Malformed \\uxxxx encoding");
    }

    @Test
    void its_text_names_the_files_settings_but_never_their_values() throws IOException {
        KafkaClientSettings settings = KafkaClientSettings.of(Optional.of("kafka:9093"), Optional.of(file("""
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="s3cret";
                """)));

        assertThat(settings.toString()).contains("kafka:9093", "sasl.jaas.config").doesNotContain("s3cret");
        assertThat(new TailOptions("t", false, Optional.empty(), Optional.empty(), settings).toString()).doesNotContain("s3cret");
    }

    @Test
    void the_usage_says_why_a_file_and_which_settings_each_client_ignores() {
        String usage = KafkaClientSettings.usage(Map.of("producer", Map.of("acks", "all", "enable.idempotence", true),
                "consumer", Map.of("group.id", "g")));

        assertThat(usage).contains("--command-config <file>", "sasl.jaas.config", "process list",
                "\n    consumer: group.id\n    producer: acks, enable.idempotence\n");
        assertThat(KafkaClientSettings.usage(Map.of())).contains("because the tool's guarantees rest on them: none");
    }

    private Path file(String properties) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "client", ".properties"), properties);
    }

    private PrintStream stderr() {
        return new PrintStream(warnings, true, StandardCharsets.UTF_8);
    }

    private String warned() {
        return warnings.toString(StandardCharsets.UTF_8);
    }
}
