package io.novatune.archiver;

import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.kafka.PoisonRecordContract;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.novatune.archiver.TestEvents.due;
import static io.novatune.archiver.TestEvents.newId;
import static io.novatune.infra.standin.ProviderStandIn.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PoisonRecordTest extends ArchiverIntegrationTest implements PoisonRecordContract {

    @Override
    public KafkaProbe kafka() {
        return kafka;
    }

    @Override
    public String topic() {
        return Topics.ARCHIVE_DUE;
    }

    @Override
    public RecordToHandle recordToHandle() {
        String track = newId("track");
        provider.on("/" + track + "/audio", file("audio/mpeg", 1000, 20));
        return new RecordToHandle(track, due(track, newId("user"), provider.link("/" + track + "/audio"), null, null));
    }

    @Override
    public boolean handled(RecordToHandle record) {
        return !archived(record.key()).isEmpty();
    }

    @Override
    public SpecificRecord misrouted(String key) {
        return TrackArchived.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setTrackId(key).setUserId(newId("user")).setAssets(List.of()).build();
    }

    @Test
    void a_user_id_too_long_for_an_object_key_is_dead_lettered_at_once_and_nothing_is_archived() {
        String escaping = newId("track");

        kafka.publish(escaping, due(escaping, "u".repeat(129), provider.link("/x"), null, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters(escaping)).hasSize(1));
        assertThat(deadLetters(escaping).get(0).header("kafka_dlt-exception-message")).contains("unfit for an object key");
        assertThat(results(escaping)).isEmpty();
    }
}
