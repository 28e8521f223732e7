package io.novatune.lifecycle.messaging;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurged;
import io.novatune.lifecycle.purge.PurgeAnnouncer;
import io.novatune.lifecycle.purge.PurgeOutcome;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes {@code TrackPurged} to {@code track-purged}, keyed by track id, and waits for the acknowledgement,
 * so the {@code TrackPurgeDue} offset is committed only after the answer is in Kafka.
 * <p>
 * The event id is derived from the {@code TrackPurgeDue}'s: answering the same purge again (a redelivery, a
 * replay) repeats the same id, which track-api's inbox drops. Its {@code bytesFreed} is what that run freed, so
 * the first answer carries the real figure and a repeat carries 0.
 */
@Component
public class TrackPurgedPublisher implements PurgeAnnouncer {

    private final KafkaTemplate<String, Object> kafka;
    private final MessagingProperties properties;
    private final Clock clock;

    public TrackPurgedPublisher(KafkaTemplate<String, Object> kafka, MessagingProperties properties, Clock clock) {
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    static String eventIdAnswering(String purgeDueEventId) {
        return UUID.nameUUIDFromBytes(("TrackPurged:" + purgeDueEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void announce(PurgeOutcome outcome) {
        TrackPurged event = TrackPurged.newBuilder()
                .setEventId(eventIdAnswering(outcome.purgeDueEventId()))
                .setOccurredAt(clock.instant())
                .setTrackId(outcome.trackId())
                .setUserId(outcome.userId())
                .setPurgeDueEventId(outcome.purgeDueEventId())
                .setDeletedKeys(outcome.goneKeys())
                .setBytesFreed(outcome.bytesFreed())
                .build();
        try {
            kafka.send(new ProducerRecord<>(Topics.TRACK_PURGED, outcome.trackId(), event))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while publishing TrackPurged of track " + outcome.trackId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("TrackPurged of track " + outcome.trackId() + " was not acknowledged", e);
        }
    }
}
