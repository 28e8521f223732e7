package io.novatune.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.novatune.deploy.redrive.DeadLetterRedrive;
import io.novatune.deploy.redrive.RedriveOptions;
import io.novatune.deploy.replay.Replay;
import io.novatune.deploy.replay.ReplayOptions;
import io.novatune.deploy.tail.TailOptions;
import io.novatune.deploy.tail.TailTopic;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --command-config on each tool's command line, down to the configuration of every client the tool creates. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandConfigTest {

    // A production-like file: what every client must get.
    private static final Map<String, String> SECURED = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"novatune-operator\" password=\"change-me\";",
            "ssl.truststore.location", "/etc/novatune/kafka-truststore.p12",
            "ssl.truststore.password", "change-me-too");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    @Test
    void tail_topics_consumer_gets_the_files_settings_and_still_joins_no_group_and_commits_nothing() throws IOException {
        TailOptions options = TailOptions.parse(new String[] {"track-added", "--command-config", file("""
                bootstrap.servers=kafka-1.prod:9093
                group.id=lifecycle-worker
                enable.auto.commit=true
                isolation.level=read_uncommitted
                """)});

        Map<String, Object> config = TailTopic.consumerConfig(options.kafka(), stderr());

        assertThat(config).containsAllEntriesOf(SECURED)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
                .doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
        assertThat(warned()).isEqualTo("warning: tail-topic's consumer ignores enable.auto.commit, group.id, isolation.level"
                + " from --command-config: its guarantees rest on its own values\n");
        assertThat(new ConsumerConfig(config).getString(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
    }

    @Test
    void replays_admin_client_gets_the_files_settings_and_the_file_may_give_a_distant_cluster_more_time() throws IOException {
        ReplayOptions options = ReplayOptions.parse(new String[] {"--service", "lifecycle-worker", "--topic", "track-deleted",
                "--to-earliest", "--bootstrap", "kafka-1.prod:9093", "--command-config", file("""
                bootstrap.servers=ignored.example:9093
                client.id=replay-by-oncall
                default.api.timeout.ms=60000
                """)});

        Map<String, Object> config = Replay.adminConfig(options.kafka(), stderr());

        assertThat(config).containsAllEntriesOf(SECURED)
                .containsEntry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093")
                .containsEntry(AdminClientConfig.CLIENT_ID_CONFIG, "replay-by-oncall")
                .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000")
                .containsEntry(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        assertThat(warned()).isEmpty();
        assertThat(new AdminClientConfig(config).getInt(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG)).isEqualTo(60_000);
    }

    @Test
    void dlt_redrives_consumer_and_producer_get_the_files_settings_and_keep_their_group_acks_all_and_idempotence() throws IOException {
        RedriveOptions options = RedriveOptions.parse(new String[] {"track-deleted", "--command-config", file("""
                bootstrap.servers=kafka-1.prod:9093
                group.id=lifecycle-worker
                enable.auto.commit=true
                acks=1
                enable.idempotence=false
                value.serializer=org.apache.kafka.common.serialization.StringSerializer
                linger.ms=20
                """)});

        Map<String, Object> consumer = DeadLetterRedrive.consumerConfig(options, stderr());
        Map<String, Object> producer = DeadLetterRedrive.producerConfig(options.kafka(), stderr());

        assertThat(consumer).containsAllEntriesOf(SECURED)
                .containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "novatune-dlt-redrive")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        assertThat(producer).containsAllEntriesOf(SECURED)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1.prod:9093")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .doesNotContainKeys(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.PARTITIONER_CLASS_CONFIG);
        assertThat(warned()).isEqualTo("""
                warning: dlt-redrive's consumer ignores enable.auto.commit, group.id from --command-config: its guarantees rest on its own values
                warning: dlt-redrive's producer ignores acks, enable.idempotence, value.serializer from --command-config: its guarantees rest on its own values
                """);
        assertThat(new ProducerConfig(producer).getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
    }

    @Test
    void a_group_given_with_the_group_flag_is_the_one_dlt_redrive_commits_in_whatever_the_file_says() throws IOException {
        RedriveOptions options = RedriveOptions.parse(new String[] {"track-deleted", "--group", "redrive-blue",
                "--command-config", file("group.id=lifecycle-worker\n")});

        assertThat(DeadLetterRedrive.consumerConfig(options, stderr())).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "redrive-blue");
    }

    @Test
    void a_missing_command_config_file_is_a_bad_argument_of_every_tool() {
        assertMissingFileRefused(TailOptions::parse, "track-added");
        assertMissingFileRefused(ReplayOptions::parse, "--group", "g", "--topic", "track-added", "--to-earliest");
        assertMissingFileRefused(RedriveOptions::parse, "track-added");
    }

    @Test
    void every_tools_usage_explains_the_file_and_names_the_settings_it_ignores() {
        assertThat(TailOptions.USAGE).contains("[--command-config <file>]", "process list",
                "consumer: allow.auto.create.topics, enable.auto.commit, group.id, isolation.level, key.deserializer, value.deserializer");
        assertThat(ReplayOptions.USAGE).contains("[--command-config <file>]", "process list", "rest on them: none");
        assertThat(RedriveOptions.USAGE).contains("[--command-config <file>]", "process list",
                "consumer: allow.auto.create.topics, enable.auto.commit, group.id, isolation.level",
                "producer: acks, enable.idempotence, key.serializer, partitioner.class, transactional.id, value.serializer");
    }

    /** Parse errors end the tool with exit code 2 and this message (FlagValues.parseOrExit). */
    private void assertMissingFileRefused(Function<String[], ?> parse, String... required) {
        String missing = directory.resolve("no-such.properties").toString();
        List<String> commandLine = new ArrayList<>(List.of(required));
        commandLine.addAll(List.of("--command-config", missing));

        assertThatThrownBy(() -> parse.apply(commandLine.toArray(String[]::new)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--command-config: no such file " + missing);
        assertThatThrownBy(() -> parse.apply(commandLine.subList(0, commandLine.size() - 1).toArray(String[]::new)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--command-config needs a value");
    }

    private String file(String properties) throws IOException {
        StringBuilder text = new StringBuilder(properties);
        SECURED.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return Files.writeString(Files.createTempFile(directory, "client", ".properties"), text).toString();
    }

    private PrintStream stderr() {
        return new PrintStream(warnings, true, StandardCharsets.UTF_8);
    }

    private String warned() {
        return warnings.toString(StandardCharsets.UTF_8);
    }
}
