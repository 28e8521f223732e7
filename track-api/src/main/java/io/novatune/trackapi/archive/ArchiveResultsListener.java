package io.novatune.trackapi.archive;

import io.novatune.trackapi.inbox.Inbox;
import io.novatune.events.ArchiveFailed;
import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
import io.novatune.events.kafka.UnprocessableEventException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code archive-results}: the archiver copied a provider track's assets, or failed to. */
@Component
class ArchiveResultsListener {

    private final Inbox inbox;
    private final ArchiveResults results;

    ArchiveResultsListener(Inbox inbox, ArchiveResults results) {
        this.inbox = inbox;
        this.results = results;
    }

    @KafkaListener(id = "track-api-archive-results", idIsGroup = false, topics = Topics.ARCHIVE_RESULTS)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        if (value == null) {
            return; // a tombstone: nothing happened
        }
        if (value instanceof TrackArchived archived) {
            inbox.once(archived.getEventId(), results.archived(archived));
        } else if (value instanceof ArchiveFailed failed) {
            inbox.once(failed.getEventId(), results.failed(failed));
        } else {
            throw UnprocessableEventException.misrouted(value, record.topic());
        }
    }
}
