package io.novatune.trackapi.outbox;

import io.novatune.events.EventHeaders;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TrackAddedIsPublishedTest extends TrackApiIntegrationTest {

    @Autowired
    WebTestClient http;

    TopicRecorder trackAdded;

    @BeforeEach
    void listen() {
        trackAdded = new TopicRecorder(kafka(), Topics.TRACK_ADDED);
    }

    @AfterEach
    void stopListening() throws InterruptedException {
        trackAdded.close();
    }

    @Test
    void a_catalog_track_added_over_http_is_published_as_TrackAdded_with_its_id_as_key_and_the_three_headers() {
        Map<?, ?> track = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("user-dj-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Around the World", "artist": "Daft Punk", "album": "Homework",
                         "isrc": "GB-DUW-96-00012", "durationMs": 429000, "genre": "French house",
                         "catalogRef": {"service": "spotify", "id": "1pKYYY0dkg23sQQXi0Q5zN"}}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/api/v1/tracks/[0-9A-Z]{26}")
                .expectBody(Map.class).returnResult().getResponseBody();
        String trackId = (String) track.get("id");

        ConsumerRecord<String, SpecificRecord> record = awaitRecordOf(trackId);

        assertThat(record.value()).isInstanceOf(TrackAdded.class);
        TrackAdded event = (TrackAdded) record.value();
        assertThat(event.getTrackId()).isEqualTo(trackId);
        assertThat(event.getUserId()).isEqualTo("user-dj-1");
        assertThat(event.getTitle()).isEqualTo("Around the World");
        assertThat(event.getArtist()).isEqualTo("Daft Punk");
        assertThat(event.getAlbum()).isEqualTo("Homework");
        assertThat(event.getIsrc()).isEqualTo("GBDUW9600012");
        assertThat(event.getGenre()).isEqualTo("French house");
        assertThat(event.getDurationMs()).isEqualTo(429000L);
        assertThat(event.getSource()).isEqualTo(io.novatune.events.TrackSource.CATALOG);
        assertThat(event.getCatalogRef().getService()).isEqualTo("spotify");
        assertThat(event.getCatalogRef().getId()).isEqualTo("1pKYYY0dkg23sQQXi0Q5zN");
        assertThat(event.getOccurredAt().toString()).isEqualTo(track.get("createdAt"));

        assertThat(TopicRecorder.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("io.novatune.events.TrackAdded");
        assertThat(TopicRecorder.header(record, EventHeaders.EVENT_ID)).isEqualTo(event.getEventId());
        // W3C trace context: version 00, trace id, parent span id, and the flags byte (sampled, and since level 2
        // random, as the tracer's propagator writes them).
        assertThat(TopicRecorder.header(record, EventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    }

    @Test
    void the_event_continues_the_trace_of_the_http_request_that_added_the_track() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        Map<?, ?> track = http.post().uri("/api/v1/tracks")
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser("user-traced")))
                // As the web frontend's tracing sends it (W3C Trace Context).
                .header(EventHeaders.TRACEPARENT, "00-" + traceId + "-b7ad6b7169203331-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "Da Funk", "artist": "Daft Punk", "isrc": "GBDUW9600021",
                         "catalogRef": {"service": "spotify", "id": "0MyY4WcN7DIfbSmp5yej5z"}}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String trackId = (String) track.get("id");

        ConsumerRecord<String, SpecificRecord> record = awaitRecordOf(trackId);

        // Same trace, a span of track-api's own: HTTP -> outbox row -> Kafka header, for every consumer to continue.
        assertThat(TopicRecorder.header(record, EventHeaders.TRACEPARENT))
                .startsWith("00-" + traceId + "-")
                .doesNotContain("b7ad6b7169203331");
    }

    private ConsumerRecord<String, SpecificRecord> awaitRecordOf(String trackId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> trackAdded.records().stream().filter(r -> trackId.equals(r.key())).findFirst(),
                        found -> found.isPresent())
                .orElseThrow();
    }
}
