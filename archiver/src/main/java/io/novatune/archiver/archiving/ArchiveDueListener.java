package io.novatune.archiver.archiving;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.novatune.events.ArchiveDue;
import io.novatune.events.Topics;
import io.novatune.events.kafka.EventDeadLetterPublisher;
import io.novatune.events.kafka.UnprocessableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code archive-due}, consumer group {@code spring.kafka.consumer.group-id} ({@code archiver}), one poll's records
 * at a time ({@code max-poll-records}): their tracks are archived together, within the instance's
 * {@code max-in-flight}, so more tracks are in flight than {@code archive-due} has partitions. The method returns
 * only after every record of the batch has its result acknowledged by Kafka (or went to {@code archive-due.DLT});
 * the container then commits the batch's offsets ({@code ack-mode: batch}), so "committed only after the result is
 * published" holds as it did record by record (docs/adr/0032).
 * <p>
 * A record that can never be archived goes to the DLT with the same headers the shared error handler gives it for a
 * record listener, and the rest of the batch is archived. A result Kafka does not acknowledge fails the batch from
 * that record on ({@link BatchListenerFailedException}): the shared error handler commits what came before, retries
 * with back-off and finally dead-letters; the records after it are delivered again and answered from the copies.
 * {@link #CONTAINER_ID} names the container for operators and tests.
 */
@Component
public class ArchiveDueListener {

    public static final String CONTAINER_ID = "archive-due";

    private static final LogAccessor log = new LogAccessor(ArchiveDueListener.class);

    private final TrackArchiving archiving;
    private final EventDeadLetterPublisher deadLetters;
    private final ObservationRegistry observations;

    public ArchiveDueListener(TrackArchiving archiving, EventDeadLetterPublisher deadLetters,
                              ObservationRegistry observations) {
        this.archiving = archiving;
        this.deadLetters = deadLetters;
        this.observations = observations;
    }

    @KafkaListener(id = CONTAINER_ID, idIsGroup = false, topics = Topics.ARCHIVE_DUE, batch = "true")
    public void due(List<ConsumerRecord<String, Object>> records) {
        List<Track> tracks = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, Object> record = records.get(index);
            // As a record listener's observation would: the result's traceparent continues the ArchiveDue's trace.
            Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                    DefaultKafkaListenerObservationConvention.INSTANCE,
                    () -> new KafkaRecordReceiverContext(record, CONTAINER_ID, () -> null), observations).start();
            try {
                tracks.add(new Track(index, observation, archiving.start(archiveDue(record))));
            } catch (DeserializationException undecodable) {
                observation.error(undecodable).stop();
                deadLetter(records, index, undecodable, tracks);
            } catch (UnprocessableEventException unprocessable) {
                observation.error(unprocessable).stop();
                // The exception a record listener's failure reaches the recoverer as: the DLT headers stay the same.
                deadLetter(records, index, new ListenerExecutionFailedException(unprocessable.getMessage(), unprocessable), tracks);
            } catch (RuntimeException notStarted) {
                observation.error(notStarted).stop();
                throw failedFrom(tracks, index, "archiving could not start", notStarted);
            }
        }
        // Each result is sent as soon as its track is done, and all are awaited after: one round trip per batch.
        List<TrackArchiving.Publication> sent = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            try (Observation.Scope scope = track.observation().openScope()) {
                sent.add(archiving.publish(track.started()));
            } catch (RuntimeException notSent) {
                // The results sent before it are not known to be acknowledged: the whole batch is delivered again.
                track.observation().error(notSent);
                throw failedFrom(tracks, track.index(), "archive result not sent", notSent);
            }
        }
        for (int i = 0; i < tracks.size(); i++) {
            Track track = tracks.get(i);
            try (Observation.Scope scope = track.observation().openScope()) {
                archiving.acknowledged(sent.get(i));
            } catch (RuntimeException notAcknowledged) {
                track.observation().error(notAcknowledged);
                throw failedFrom(tracks.subList(i, tracks.size()), track.index(), "archive result not published",
                        notAcknowledged);
            }
            track.observation().stop();
        }
    }

    /**
     * The event of a record, or the reason it can never be archived: it did not decode or is not an
     * {@code ArchiveDue} (its ids are checked by {@link TrackArchiving#start}).
     */
    private static ArchiveDue archiveDue(ConsumerRecord<String, Object> record) throws DeserializationException {
        if (record.value() == null) {
            DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
            if (undecodable != null) {
                throw undecodable;
            }
        }
        if (!(record.value() instanceof ArchiveDue due)) {
            throw UnprocessableEventException.misrouted(record.value(), Topics.ARCHIVE_DUE);
        }
        return due;
    }

    private void deadLetter(List<ConsumerRecord<String, Object>> records, int index, Exception reason, List<Track> started) {
        try {
            // Waits for Kafka's acknowledgement (the recoverer's default): the offset is committed after it.
            deadLetters.recoverer().accept(records.get(index), reason);
        } catch (RuntimeException notPublished) {
            throw failedFrom(started, index, "dead letter not published", notPublished);
        }
    }

    /**
     * Fails the batch from the first record whose answer is not in Kafka: the tracks started but not published
     * come before {@code index}. They are waited for first, so that no copy still runs when they are delivered again.
     */
    private BatchListenerFailedException failedFrom(List<Track> unpublished, int index, String reason, RuntimeException cause) {
        for (Track track : unpublished) {
            archiving.settle(track.started());
            track.observation().stop();
        }
        int first = unpublished.stream().mapToInt(Track::index).min().orElse(index);
        return new BatchListenerFailedException(reason, cause, Math.min(first, index));
    }

    private record Track(int index, Observation observation, TrackArchiving.Started started) {
    }
}
