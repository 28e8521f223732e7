package io.novatune.ingestion.messaging;

import io.novatune.events.AlbumAdded;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.kafka.UnprocessableEventException;
import io.novatune.ingestion.scheduling.DecisionLog;
import io.novatune.ingestion.scheduling.ScheduleIngestion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code track-added}: one decision per record. An exception goes to the shared error handler (retries, then
 * {@code track-added.DLT}); records that cannot be decoded never reach this method.
 */
@Component
class TrackAddedListener {

    private final ScheduleIngestion scheduling;
    private final DecisionLog decisions;

    TrackAddedListener(ScheduleIngestion scheduling, DecisionLog decisions) {
        this.scheduling = scheduling;
        this.decisions = decisions;
    }

    @KafkaListener(id = "track-added", idIsGroup = false, topics = Topics.TRACK_ADDED)
    void onTrackAdded(ConsumerRecord<String, SpecificRecord> record) {
        long started = System.nanoTime();
        SpecificRecord event = record.value();
        try {
            if (event instanceof TrackAdded track) {
                scheduling.trackAdded(track);
            } else if (event instanceof AlbumAdded album) {
                scheduling.albumAdded(album);
            } else {
                throw UnprocessableEventException.misrouted(event, record.topic());
            }
        } catch (RuntimeException failed) {
            decisions.error(failed instanceof UnprocessableEventException ? "unprocessable_event" : "processing_failed",
                    null, null, failed, (System.nanoTime() - started) / 1_000_000);
            throw failed;
        }
    }
}
