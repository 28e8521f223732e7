package io.novatune.ingestion.messaging;

import io.novatune.events.TrackAdded;
import java.util.UUID;

import io.novatune.events.Topics;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.kafka.PoisonRecordContract;
import org.apache.avro.specific.SpecificRecord;

class PoisonRecordTest extends IngestionIntegrationTest implements PoisonRecordContract {

    @Override
    public KafkaProbe kafka() {
        return kafka;
    }

    @Override
    public String topic() {
        return Topics.TRACK_ADDED;
    }

    @Override
    public RecordToHandle recordToHandle() {
        String key = "track-" + UUID.randomUUID();
        return new RecordToHandle(key, TestEvents.trackAdded(key, "user-after-poison", TestEvents.randomIsrc()));
    }

    @Override
    public boolean handled(RecordToHandle record) {
        return requestsFor(((TrackAdded) record.event()).getIsrc()).size() == 1;
    }

    @Override
    public SpecificRecord misrouted(String key) {
        return TestEvents.trackIndexed(TestEvents.randomIsrc(), key);
    }
}
