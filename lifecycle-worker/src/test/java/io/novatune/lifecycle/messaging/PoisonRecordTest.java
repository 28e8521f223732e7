package io.novatune.lifecycle.messaging;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurged;
import io.novatune.lifecycle.LifecycleIntegrationTest;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.kafka.PoisonRecordContract;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.novatune.lifecycle.TestEvents.newId;
import static io.novatune.lifecycle.TestEvents.purgeDue;

class PoisonRecordTest extends LifecycleIntegrationTest implements PoisonRecordContract {

    @Override
    public KafkaProbe kafka() {
        return kafka;
    }

    @Override
    public String topic() {
        return Topics.TRACK_DELETED;
    }

    @Override
    public RecordToHandle recordToHandle() {
        String user = newId("user");
        String track = newId("track");
        String audio = "audio/" + user + "/" + track;
        storage.put(audio, 10);
        return new RecordToHandle(track, purgeDue(track, user, List.of(audio), 10));
    }

    @Override
    public boolean handled(RecordToHandle record) {
        return !purged(record.key()).isEmpty();
    }

    /** A TrackPurged is valid Avro but no business of track-deleted. */
    @Override
    public SpecificRecord misrouted(String key) {
        return TrackPurged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(key)
                .setUserId(newId("user"))
                .setDeletedKeys(List.of())
                .setBytesFreed(0)
                .build();
    }
}
