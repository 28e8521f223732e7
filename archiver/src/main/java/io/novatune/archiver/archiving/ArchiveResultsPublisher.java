package io.novatune.archiver.archiving;

import io.novatune.events.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a result on {@code archive-results}, keyed by track id; the listener waits for the acknowledgement, so
 * the {@code ArchiveDue}'s offset is committed only after the answer is in Kafka. A batch's results are sent
 * together and then awaited, not one round trip each. The serializer sets the
 * {@code event-type} and {@code event-id} headers; template observation sets {@code traceparent}.
 */
@Component
public class ArchiveResultsPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final ArchivingProperties properties;

    public ArchiveResultsPublisher(KafkaTemplate<String, Object> kafka, ArchivingProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Sends a result; {@link #await} it before the {@code ArchiveDue}'s offset may be committed. */
    public CompletableFuture<?> send(String trackId, SpecificRecord result) {
        return kafka.send(new ProducerRecord<>(Topics.ARCHIVE_RESULTS, trackId, result));
    }

    /** Returns once Kafka acknowledged the result sent. */
    public void await(String trackId, CompletableFuture<?> sent) {
        try {
            sent.get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing the archive result of track " + trackId, e);
        } catch (ExecutionException | TimeoutException e) {
            // Thrown to the listener: the shared error handler redelivers the ArchiveDue, whose copies are reused.
            throw new KafkaException("archive result of track " + trackId + " was not acknowledged", e);
        }
    }
}
