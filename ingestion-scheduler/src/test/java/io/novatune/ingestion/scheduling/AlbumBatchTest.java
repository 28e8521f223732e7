package io.novatune.ingestion.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import io.novatune.events.AlbumAdded;
import io.novatune.events.AlbumTrack;
import io.novatune.events.IngestionRequested;
import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.StructuredLog;
import io.novatune.ingestion.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AlbumBatchTest extends IngestionIntegrationTest {

    @Test
    void an_album_of_12_tracks_with_3_already_indexed_and_1_without_isrc_makes_8_requests_and_logs_12_8_4(CapturedOutput output) {
        // Three recordings reached the index before: requested for an earlier track, then reported indexed.
        List<String> indexed = List.of(TestEvents.randomIsrc(), TestEvents.randomIsrc(), TestEvents.randomIsrc());
        for (String isrc : indexed) {
            TrackAdded earlier = publish(TestEvents.trackAdded("user-earlier", isrc));
        }
        await().until(() -> indexed.stream().allMatch(isrc -> requestsFor(isrc).size() == 1));
        indexed.forEach(isrc -> kafka.publish(isrc, TestEvents.trackIndexed(isrc, requestsFor(isrc).get(0).getTrackId())));
        await().until(() -> indexed.stream().allMatch(isrc -> "INDEXED".equals(ledgerRow(isrc).get("state"))));

        List<String> fresh = new ArrayList<>();
        List<AlbumTrack> tracks = new ArrayList<>();
        for (int number = 1; number <= 12; number++) {
            String isrc = switch (number) {
                case 2 -> indexed.get(0);
                case 6 -> indexed.get(1);
                case 11 -> indexed.get(2);
                case 9 -> null;
                default -> TestEvents.randomIsrc();
            };
            if (number != 9 && !indexed.contains(isrc)) {
                fresh.add(isrc);
            }
            tracks.add(TestEvents.albumTrack(number, isrc));
        }
        AlbumAdded album = TestEvents.albumAdded("user-album", tracks);

        kafka.publish(album.getAlbumId(), album);

        awaitIdle();
        assertThat(fresh).hasSize(8).allSatisfy(isrc -> assertThat(requestsFor(isrc)).singleElement().satisfies(request -> {
            assertThat(request.getUserId()).isEqualTo("user-album");
            assertThat(request.getAlbum()).isEqualTo("An Album");
        }));
        assertThat(indexed).allSatisfy(isrc -> assertThat(requestsFor(isrc)).hasSize(1));
        List<IngestionRequested> fromAlbum = requests().stream()
                .filter(request -> request.getUserId().equals("user-album") && fresh.contains(request.getIsrc())).toList();
        assertThat(fromAlbum).hasSize(8);

        await().untilAsserted(() -> {
            List<JsonNode> summaries = StructuredLog.events(output, DecisionLog.ALBUM_BATCH).stream()
                    .filter(line -> line.path("albumId").asText().equals(album.getAlbumId())).toList();
            assertThat(summaries).singleElement().satisfies(summary -> {
                assertThat(summary.path("total_tracks").asInt()).isEqualTo(12);
                assertThat(summary.path("scheduled_count").asInt()).isEqualTo(8);
                assertThat(summary.path("skipped_count").asInt()).isEqualTo(4);
                assertThat(summary.has("duration_ms")).isTrue();
            });
        });
        List<JsonNode> skipped = StructuredLog.events(output, DecisionLog.SKIPPED).stream()
                .filter(line -> line.path("userId").asText().equals("user-album")).toList();
        assertThat(skipped).extracting(line -> line.path("reason").asText())
                .containsExactlyInAnyOrder("already_indexed", "already_indexed", "already_indexed", "missing_isrc");
    }

    @Test
    void an_album_listing_one_recording_twice_requests_it_once(CapturedOutput output) {
        String isrc = TestEvents.randomIsrc();
        AlbumAdded album = TestEvents.albumAdded("user-bonus-track",
                List.of(TestEvents.albumTrack(1, isrc), TestEvents.albumTrack(2, TestEvents.randomIsrc()),
                        TestEvents.albumTrack(3, isrc.toLowerCase())));

        kafka.publish(album.getAlbumId(), album);

        awaitIdle();
        assertThat(requestsFor(isrc)).singleElement()
                .satisfies(request -> assertThat(request.getTrackId()).isEqualTo(album.getTracks().get(0).getTrackId()));
        await().untilAsserted(() -> assertThat(StructuredLog.events(output, DecisionLog.ALBUM_BATCH))
                .filteredOn(line -> line.path("albumId").asText().equals(album.getAlbumId())).singleElement()
                .satisfies(summary -> assertThat(summary.path("scheduled_count").asInt()).isEqualTo(2)));
        assertThat(StructuredLog.events(output, DecisionLog.SKIPPED))
                .filteredOn(line -> line.path("trackId").asText().equals(album.getTracks().get(2).getTrackId()))
                .singleElement().satisfies(line -> assertThat(line.path("reason").asText()).isEqualTo("already_scheduled"));
    }
}
