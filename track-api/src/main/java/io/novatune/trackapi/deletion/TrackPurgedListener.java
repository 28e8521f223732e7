package io.novatune.trackapi.deletion;

import io.novatune.trackapi.inbox.Inbox;
import io.novatune.events.Topics;
import io.novatune.events.TrackPurged;
import io.novatune.events.kafka.UnprocessableEventException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code track-purged}: the lifecycle worker deleted a track's objects. Failures are retried and
 * then dead-lettered to {@code track-purged.DLT} by the shared error handler ({@code io.novatune.events.kafka}).
 */
@Component
class TrackPurgedListener {

    private final Inbox inbox;
    private final PurgeResults results;

    TrackPurgedListener(Inbox inbox, PurgeResults results) {
        this.inbox = inbox;
        this.results = results;
    }

    // The id names the container; the group is spring.kafka.consumer.group-id, so one setting moves every listener.
    @KafkaListener(id = "track-api-track-purged", idIsGroup = false, topics = Topics.TRACK_PURGED)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            return; // a tombstone: nothing happened
        }
        if (!(record.value() instanceof TrackPurged event)) {
            throw UnprocessableEventException.misrouted(record.value(), record.topic());
        }
        inbox.once(event.getEventId(), results.apply(event)).ifPresent(results::committed);
    }
}
