package io.novatune.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackIndexed;
import io.novatune.events.kafka.UnprocessableEventException;
import io.novatune.events.serde.EventSerializer;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

class PoisonRecordTest extends IngestionIntegrationTest {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.TRACK_ADDED);

    @Test
    void an_undecodable_record_goes_to_the_dead_letter_topic_and_the_next_record_is_processed() {
        String key = "track-" + UUID.randomUUID();
        byte[] poison = "{\"title\":\"not Avro at all\"}".getBytes(StandardCharsets.UTF_8);
        String isrc = TestEvents.randomIsrc();

        // Same key, so the same partition: the good record waits behind the poison one.
        RecordMetadata poisoned = kafka.sendRaw(Topics.TRACK_ADDED, key, poison);
        kafka.send(key, TestEvents.trackAdded(key, "user-after-poison", isrc));

        await().until(() -> requestsFor(isrc).size() == 1);
        ConsumerRecord<String, byte[]> dead = await().until(() -> deadLetter(key), found -> found != null);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.partition()).isEqualTo(poisoned.partition());
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.TRACK_ADDED);
        assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET)).isNotNull();
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(DeserializationException.class.getName());
        // The reason, down to the decoder's own words, travels in the stack trace header.
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .contains("EventDecodingException", "wrong magic byte 0x7B");
        awaitIdle();
        assertThat(deadLetters(key)).hasSize(1);
    }

    @Test
    void an_event_that_does_not_belong_on_track_added_is_dead_lettered_as_it_was_with_the_reason() {
        TrackIndexed misrouted = TestEvents.trackIndexed(TestEvents.randomIsrc(), "track-misrouted");
        String key = "track-" + UUID.randomUUID();
        String isrc = TestEvents.randomIsrc();

        kafka.sendRaw(Topics.TRACK_ADDED, key, new EventSerializer().serialize(Topics.TRACK_ADDED, misrouted));
        TrackAdded next = TestEvents.trackAdded(key, "user-after-misrouted", isrc);
        kafka.send(key, next);

        await().until(() -> requestsFor(isrc).size() == 1);
        ConsumerRecord<String, byte[]> dead = await().until(() -> deadLetter(key), found -> found != null);
        assertThat(dead.value()).isEqualTo(EventSerializer.encode(misrouted));
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not io.novatune.events.TrackIndexed");
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(UnprocessableEventException.class.getName());
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        List<ConsumerRecord<String, byte[]>> found = deadLetters(key);
        return found.isEmpty() ? null : found.get(0);
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return kafka.readToEnd(DEAD_LETTERS).stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
