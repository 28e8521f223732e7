package io.novatune.discovery.purchases;

import io.novatune.discovery.DiscoveryIntegrationTest;
import io.novatune.discovery.wantlist.WantList;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackDeleted;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.kafka.PoisonRecordContract;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.novatune.discovery.catalog.CatalogFixture.track;

/** track-added records discovery-service cannot process go to track-added.DLT; the next one is handled. */
class PoisonRecordTest extends DiscoveryIntegrationTest implements PoisonRecordContract {

    @Autowired
    WantList wantList;

    private final String user = "user-" + UUID.randomUUID();
    private final Map<String, String> entries = new ConcurrentHashMap<>();

    @Override
    public KafkaProbe kafka() {
        return KafkaProbe.shared();
    }

    @Override
    public String topic() {
        return Topics.TRACK_ADDED;
    }

    @Override
    public RecordToHandle recordToHandle() {
        String isrc = WantedTracks.randomIsrc();
        WantedTracks wanted = new WantedTracks(db, store, wantList, user);
        String entry = wanted.want(track("After", "Poison " + isrc, null, null, null, isrc, null, null));
        TrackAdded added = WantedTracks.trackAdded(user, "After", "Poison " + isrc, isrc);
        entries.put(added.getEventId(), entry);
        return new RecordToHandle(added.getTrackId(), added);
    }

    @Override
    public boolean handled(RecordToHandle record) {
        String entry = entries.get(((TrackAdded) record.event()).getEventId());
        return wantList.get(user, entry).block().status().equals("purchased");
    }

    @Override
    public SpecificRecord misrouted(String key) {
        Instant now = Instant.now();
        return TrackDeleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now).setTrackId(key)
                .setUserId(user).setDeletedAt(now).setScheduledDeletionAt(now).setStatusBeforeDeletion("READY")
                .setObjectKeys(List.of()).setFileSizeBytes(0L).build();
    }
}
