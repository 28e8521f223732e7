package io.novatune.deploy.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.novatune.deploy.kafka.KafkaClientSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.novatune.events.CatalogRef;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackSource;
import io.novatune.events.serde.EventSerializer;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TailTopicTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void prints_each_record_as_json_with_the_decoded_event_and_reports_an_undecodable_one_instead_of_crashing() throws Exception {
        KafkaServer kafka = SharedInfrastructure.kafka();
        kafka.createTopics(List.of("tail-me"), 1);
        TrackAdded added = TrackAdded.newBuilder()
                .setEventId("4f1c2a9e-2c43-4b8e-9a53-6c1f2b3d4e51").setOccurredAt(Instant.parse("2026-11-22T10:15:30.123Z"))
                .setTrackId("track-42").setUserId("dev-user").setSource(TrackSource.CATALOG)
                .setTitle("Around the World").setArtist("Daft Punk").setAlbum("Homework").setIsrc("GBDUW9600012")
                .setDurationMs(429_000L).setCatalogRef(CatalogRef.newBuilder().setService("spotify").setId("1pKYYY0dkg23sQQXi0Q5zN").build())
                .build();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> event = new ProducerRecord<>("tail-me", bytes("track-42"), EventSerializer.encode(added));
            event.headers().add("traceparent", bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
            producer.send(event).get();
            producer.send(new ProducerRecord<>("tail-me", bytes("junk"), bytes("not avro at all"))).get();
            producer.send(new ProducerRecord<>("tail-me", bytes("gone"), null)).get();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exitCode = TailTopic.tail(new TailOptions("tail-me", true, Optional.of(3), Optional.of(Duration.ofSeconds(30)),
                broker(kafka)), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map(this::parse).toList();
        assertThat(lines).hasSize(3);
        JsonNode first = lines.get(0);
        assertThat(first.get("topic").asText()).isEqualTo("tail-me");
        assertThat(first.get("partition").asInt()).isZero();
        assertThat(first.get("offset").asLong()).isZero();
        assertThat(first.get("timestamp").asText()).isNotBlank();
        assertThat(first.get("key").asText()).isEqualTo("track-42");
        assertThat(first.at("/headers/traceparent").asText()).startsWith("00-4bf92f35");
        assertThat(first.get("eventType").asText()).isEqualTo("TrackAdded");
        assertThat(first.at("/event/trackId").asText()).isEqualTo("track-42");
        assertThat(first.at("/event/catalogRef/service").asText()).isEqualTo("spotify");
        assertThat(lines.get(1).get("error").asText()).isNotBlank();
        assertThat(lines.get(1).has("event")).isFalse();
        assertThat(lines.get(2).get("event").isNull()).isTrue();
    }

    @Test
    void stops_at_the_timeout_and_says_so_when_fewer_records_than_asked_arrived() {
        KafkaServer kafka = SharedInfrastructure.kafka();
        kafka.createTopics(List.of("quiet-topic"), 3);

        int exitCode = TailTopic.tail(new TailOptions("quiet-topic", true, Optional.of(1), Optional.of(Duration.ofSeconds(2)),
                broker(kafka)), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(TailTopic.EXIT_MAX_NOT_REACHED);
    }

    @Test
    void a_topic_that_does_not_exist_is_an_error_not_a_wait() {
        KafkaServer kafka = SharedInfrastructure.kafka();
        TailOptions options = new TailOptions("no-such-topic", true, Optional.empty(), Optional.empty(), broker(kafka));

        assertThatThrownBy(() -> TailTopic.tail(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-topic does not exist");
    }

    private static KafkaClientSettings broker(KafkaServer kafka) {
        return KafkaClientSettings.bootstrapOnly(kafka.bootstrapServers());
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
