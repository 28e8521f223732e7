package io.novatune.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import io.novatune.deploy.flags.FlagValues;
import io.novatune.deploy.redrive.DeadLetterRedrive;
import io.novatune.deploy.replay.Replay;
import io.novatune.deploy.stack.TopicSetup;
import io.novatune.deploy.tail.TailTopic;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --command-config file reaches the wire. The shared test broker listens in plaintext only, so a tool told by
 * its file to speak TLS or SASL cannot talk to it, while the same run without the file can: if the file's settings
 * were lost on the way to a client, the run with the file would succeed and these tests would fail. The tools run
 * in a child JVM, as their scripts run them, for their real exit codes and stderr.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandConfigOnTheWireTest {

    private final KafkaServer kafka = SharedInfrastructure.kafka();
    private final String topic = "command-config-" + UUID.randomUUID();

    @TempDir
    Path directory;

    @Test
    void tail_topic_told_by_its_file_to_speak_tls_fails_within_its_timeout_where_the_same_tail_without_the_file_reads_the_record()
            throws Exception {
        produceOne();
        List<String> tail = List.of(topic, "--from-beginning", "--max", "1", "--timeout-seconds", "5", "--bootstrap", kafka.bootstrapServers());

        ToolRun plain = ToolRun.of(TailTopic.class, tail);
        ToolRun tls = ToolRun.of(TailTopic.class, with(tail, "--command-config", file("security.protocol=SSL\n").toString()));

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.stdout()).contains("\"topic\":\"" + topic + "\"", "\"key\":\"key\"");
        assertThat(tls.exitCode()).as(tls.toString()).isEqualTo(1);
        assertThat(tls.stdout()).isEmpty();
        assertThat(tls.lastErrorLine()).isEqualTo("tail-topic: no answer from Kafka about topic " + topic
                + " within 5 s (is it running? check --bootstrap and --command-config)");
        assertThat(tls.took()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void replay_and_dlt_redrive_log_in_with_sasl_when_their_file_says_so_and_report_the_brokers_refusal_in_one_line() throws Exception {
        Path sasl = file("""
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="operator" password="secret";
                """);
        TopicSetup.createAll(kafka); // track-added and track-added.DLT, as on the local stack
        String group = "command-config-" + UUID.randomUUID();
        List<String> replay = List.of("--group", group, "--topic", "track-added", "--to-earliest", "--bootstrap", kafka.bootstrapServers());
        List<String> redrive = List.of("track-added", "--dry-run", "--group", group, "--timeout-seconds", "10",
                "--bootstrap", kafka.bootstrapServers());

        // Without the file both get answers from the broker: replay that the group has no offsets to rewind,
        // dlt-redrive the (empty) dead-letter topic.
        ToolRun replayWithoutFile = ToolRun.of(Replay.class, replay);
        ToolRun redriveWithoutFile = ToolRun.of(DeadLetterRedrive.class, redrive);
        ToolRun replayWithFile = ToolRun.of(Replay.class, with(replay, "--command-config", sasl.toString()));
        ToolRun redriveWithFile = ToolRun.of(DeadLetterRedrive.class, with(redrive, "--command-config", sasl.toString()));

        assertThat(replayWithoutFile.exitCode()).as(replayWithoutFile.toString()).isEqualTo(1);
        assertThat(replayWithoutFile.lastErrorLine())
                .startsWith("replay: group " + group + " has no committed offset on track-added: nothing to rewind.");
        assertThat(redriveWithoutFile.exitCode()).as(redriveWithoutFile.toString()).isZero();
        // This broker has no SASL listener: it answers the client's SASL handshake with "no mechanism enabled".
        assertThat(replayWithFile.exitCode()).as(replayWithFile.toString()).isEqualTo(1);
        assertThat(replayWithFile.lastErrorLine()).isEqualTo("replay: describing topic track-added failed:"
                + " Unexpected handshake request with client mechanism PLAIN, enabled mechanisms are []");
        assertThat(redriveWithFile.exitCode()).as(redriveWithFile.toString()).isEqualTo(1);
        assertThat(redriveWithFile.lastErrorLine())
                .isEqualTo("dlt-redrive: Unexpected handshake request with client mechanism PLAIN, enabled mechanisms are []");
    }

    @Test
    void a_command_config_file_that_is_not_there_ends_the_tool_with_exit_code_2_and_a_line_naming_it() throws Exception {
        String missing = directory.resolve("client.properties").toString();

        ToolRun run = ToolRun.of(DeadLetterRedrive.class, List.of("track-added", "--dry-run", "--command-config", missing));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(FlagValues.EXIT_BAD_ARGUMENTS);
        assertThat(run.stderr().lines().findFirst()).contains("--command-config: no such file " + missing);
    }

    private static List<String> with(List<String> arguments, String... more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return all;
    }

    private Path file(String properties) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "client", ".properties"), properties);
    }

    private void produceOne() throws ExecutionException, InterruptedException {
        kafka.createTopics(List.of(topic), 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value")).get();
        }
    }
}
