package io.novatune.ingestion.messaging;

import io.novatune.events.Topics;
import io.novatune.events.TrackIndexed;
import io.novatune.events.kafka.UnprocessableEventException;
import io.novatune.ingestion.scheduling.ScheduleIngestion;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** {@code track-indexed} from the indexing worker: the ledger entry becomes {@code INDEXED}. */
@Component
class TrackIndexedListener {

    private final ScheduleIngestion scheduling;

    TrackIndexedListener(ScheduleIngestion scheduling) {
        this.scheduling = scheduling;
    }

    @KafkaListener(id = "track-indexed", idIsGroup = false, topics = Topics.TRACK_INDEXED, concurrency = "1")
    void onTrackIndexed(ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        if (!(event instanceof TrackIndexed indexed)) {
            throw UnprocessableEventException.misrouted(event, record.topic());
        }
        scheduling.trackIndexed(indexed);
    }
}
