package io.novatune.archiver;

import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.novatune.archiver.TestEvents.due;
import static io.novatune.archiver.TestEvents.newId;
import static io.novatune.standin.ProviderStandIn.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PoisonRecordTest extends ArchiverIntegrationTest {

    @Test
    void a_record_that_does_not_decode_goes_to_the_dead_letter_topic_as_it_was_and_the_next_record_is_archived() {
        String poisonKey = newId("poison");
        byte[] garbage = "{\"not\": \"an avro event\"}".getBytes(StandardCharsets.UTF_8);
        String next = newId("track");
        provider.on("/" + next + "/audio", file("audio/mpeg", 1000, 20));

        kafka.publishRaw(Topics.ARCHIVE_DUE, 1, poisonKey, garbage);
        kafka.publishTo(Topics.ARCHIVE_DUE, 1, next, due(next, newId("user"), provider.link("/" + next + "/audio"), null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.deadLettersOf(poisonKey)).hasSize(1));
        KafkaProbe.Received deadLetter = kafka.deadLettersOf(poisonKey).get(0);
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(deadLetter.partition()).isEqualTo(1);
        assertThat(deadLetter.header("kafka_dlt-exception-fqcn")).contains("DeserializationException");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.archived(next)).hasSize(1));
    }

    @Test
    void an_event_that_does_not_belong_on_the_topic_or_an_id_unfit_for_a_key_is_dead_lettered_at_once() {
        String track = newId("track");
        TrackArchived misrouted = TrackArchived.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setTrackId(track).setUserId(newId("user")).setAssets(List.of()).build();
        String escaping = newId("track");

        kafka.publishTo(Topics.ARCHIVE_DUE, null, track, misrouted);
        kafka.publish(escaping, due(escaping, "../other-user", provider.link("/x"), null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.deadLettersOf(track)).hasSize(1));
        assertThat(kafka.deadLettersOf(track).get(0).header("kafka_dlt-exception-message"))
                .contains("io.novatune.events.TrackArchived does not belong on archive-due");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kafka.deadLettersOf(escaping)).hasSize(1));
        assertThat(kafka.deadLettersOf(escaping).get(0).header("kafka_dlt-exception-message")).contains("unfit for an object key");
        assertThat(kafka.results(escaping)).isEmpty();
    }
}
