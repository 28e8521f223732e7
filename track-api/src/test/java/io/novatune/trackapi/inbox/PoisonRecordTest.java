package io.novatune.trackapi.inbox;

import io.novatune.events.Topics;
import io.novatune.events.TrackIndexed;
import io.novatune.events.TrackPurged;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.kafka.PoisonRecordContract;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TimerFlowIntegrationTest;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.status;
import static org.awaitility.Awaitility.await;

/** track-api's consumer of track-purged keeps the promise every consumer of ours makes. */
class PoisonRecordTest extends TimerFlowIntegrationTest implements PoisonRecordContract {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Override
    public KafkaProbe kafka() {
        return kafka;
    }

    @Override
    public String topic() {
        return Topics.TRACK_PURGED;
    }

    /** The lifecycle-worker's answer for a track whose purge is under way. */
    @Override
    public RecordToHandle recordToHandle() {
        String user = "user-poison-" + UUID.randomUUID();
        String id = addCatalogTrack(http, user, "Behind The Poison");
        http.delete().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isAccepted();
        await().atMost(PATIENCE).until(() -> !"DELETED".equals(status(db, id)));
        return new RecordToHandle(id, TrackPurged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(id)
                .setUserId(user)
                .setDeletedKeys(List.of())
                .setBytesFreed(0)
                .build());
    }

    @Override
    public boolean handled(RecordToHandle record) {
        return status(db, record.key()) == null;
    }

    @Override
    public SpecificRecord misrouted(String key) {
        return TrackIndexed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setIsrc("ZZAAA2600001")
                .setTrackId(key)
                .build();
    }
}
