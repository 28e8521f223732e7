package io.novatune.trackapi;

import io.novatune.events.serde.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** The other services' side of a flow: the test publishes their results onto Kafka as they would. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Sends one event, keyed like every NovaTune event, and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, SpecificRecord event) {
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new EventSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send " + event.getSchema().getName() + " to " + topic, e);
        }
    }

    /** Sends bytes that are not an event in the wire format. */
    public static void sendRaw(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send raw bytes to " + topic, e);
        }
    }

    /** Every record with {@code key} on {@code topic} from the beginning, undecoded (dead-letter topics hold anything). */
    public static List<ConsumerRecord<String, byte[]>> rawRecords(String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TrackApiIntegrationTest.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            // Until an empty poll after the assignment: everything published so far has been read.
            boolean assigned = false;
            while (true) {
                var records = consumer.poll(Duration.ofMillis(500));
                records.forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                if (assigned && records.isEmpty()) {
                    return found;
                }
                assigned = !consumer.assignment().isEmpty();
            }
        }
    }

    /** Whether track-api recorded the event as processed (its inbox, {@code processed_events}). */
    public static boolean processed(DatabaseClient db, String eventId) {
        return Boolean.TRUE.equals(db.sql("SELECT exists(SELECT 1 FROM processed_events WHERE event_id = :id) AS seen")
                .bind("id", eventId).map(row -> row.get("seen", Boolean.class)).one().block());
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TrackApiIntegrationTest.kafka(),
                ProducerConfig.ACKS_CONFIG, "all");
    }
}
