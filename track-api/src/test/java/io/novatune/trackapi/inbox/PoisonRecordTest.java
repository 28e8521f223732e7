package io.novatune.trackapi.inbox;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurged;
import io.novatune.trackapi.TestEvents;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TimerFlowIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PoisonRecordTest extends TimerFlowIntegrationTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void an_undecodable_record_on_track_purged_goes_to_its_dead_letter_topic_and_the_next_record_is_processed() {
        String user = "user-poison-" + UUID.randomUUID();
        String id = addCatalogTrack(http, user, "Behind The Poison");
        http.delete().uri("/api/v1/tracks/{id}", id)
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(user)))
                .exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"DELETED".equals(status(db, id)));

        // Same key, so same partition: the good record waits behind the poison one.
        byte[] poison = "not an event at all".getBytes(StandardCharsets.UTF_8);
        TestEvents.sendRaw(Topics.TRACK_PURGED, id, poison);
        TestEvents.send(Topics.TRACK_PURGED, id, TrackPurged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setTrackId(id)
                .setUserId(user)
                .setDeletedKeys(List.of())
                .setBytesFreed(0)
                .build());

        await().atMost(Duration.ofSeconds(60)).until(() -> status(db, id) == null);
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> TestEvents.rawRecords(Topics.deadLetter(Topics.TRACK_PURGED), id), records -> !records.isEmpty());
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
    }
}
