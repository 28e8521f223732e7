package io.novatune.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.novatune.events.kafka.UnprocessableEventException;
import io.novatune.events.serde.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * What every consumer of ours promises about records it cannot process: they go to {@code <topic>.DLT} as they
 * were, with the reason, and the partition moves on. A service's test implements this interface (its base class
 * stays free) and says which topic, which record it handles and how to see that it did.
 */
public interface PoisonRecordContract {

    Duration PATIENCE = Duration.ofSeconds(60);

    /** The probe on the broker the service under test consumes from. */
    KafkaProbe kafka();

    /** The topic whose consumer is under test. */
    String topic();

    /** A record the consumer must handle, with anything it needs already in place (a stored object, a track). */
    RecordToHandle recordToHandle();

    /** Whether the consumer has done its work for the record; polled until true. */
    boolean handled(RecordToHandle record);

    /** A valid event, keyed by {@code key}, that does not belong on the topic. */
    SpecificRecord misrouted(String key);

    record RecordToHandle(String key, SpecificRecord event) {
    }

    @Test
    default void an_undecodable_record_goes_to_the_dead_letter_topic_as_it_was_and_the_next_record_on_its_partition_is_handled() {
        RecordToHandle next = recordToHandle();
        byte[] poison = "{\"not\": \"an avro event\"}".getBytes(StandardCharsets.UTF_8);

        // Same key, so the same partition: the good record waits behind the poison one.
        RecordMetadata poisoned = kafka().publishRaw(topic(), null, next.key(), poison);
        kafka().publishTo(topic(), null, next.key(), next.event());

        await().atMost(PATIENCE).until(() -> handled(next));
        List<ReceivedRecord> dead = kafka().deadLetters(topic(), next.key());
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(dead.get(0).partition()).isEqualTo(poisoned.partition());
        assertThat(dead.get(0).header("kafka_dlt-original-topic")).isEqualTo(topic());
        assertThat(dead.get(0).origin()).isEqualTo(poisoned.partition() + "@" + poisoned.offset());
        assertThat(dead.get(0).header("kafka_dlt-exception-fqcn"))
                .isEqualTo("org.springframework.kafka.support.serializer.DeserializationException");
        // The reason, down to the decoder's own words, travels in the stack trace header.
        assertThat(dead.get(0).header("kafka_dlt-exception-stacktrace")).contains("EventDecodingException");
    }

    @Test
    default void an_event_that_does_not_belong_on_the_topic_is_dead_lettered_at_once_as_it_was_with_the_reason() {
        String key = "misrouted-" + UUID.randomUUID();
        SpecificRecord misrouted = misrouted(key);

        kafka().publishTo(topic(), null, key, misrouted);

        List<ReceivedRecord> dead = await().atMost(PATIENCE)
                .until(() -> kafka().deadLetters(topic(), key), found -> !found.isEmpty());
        assertThat(dead.get(0).value()).isEqualTo(EventSerializer.encode(misrouted));
        assertThat(dead.get(0).header("kafka_dlt-exception-message"))
                .contains(misrouted.getSchema().getFullName() + " does not belong on " + topic());
        assertThat(dead.get(0).header("kafka_dlt-exception-cause-fqcn")).isEqualTo(UnprocessableEventException.class.getName());
    }
}
