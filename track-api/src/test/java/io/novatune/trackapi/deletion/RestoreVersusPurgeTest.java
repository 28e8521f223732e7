package io.novatune.trackapi.deletion;

import io.novatune.events.Topics;
import io.novatune.events.TrackPurgeDue;
import io.novatune.events.TrackRestored;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TopicRecorder;
import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.timer.DueTimers;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.novatune.trackapi.TestTracks.addCatalogTrack;
import static io.novatune.trackapi.TestTracks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RestoreVersusPurgeTest extends TrackApiIntegrationTest {

    static final int TRACKS = 50;
    /** One user per track: DELETE is rate-limited per user. */
    static final String USER = "user-race-";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    DueTimers timers;

    @LocalServerPort
    int port;

    @Test
    void restores_racing_the_purge_sweep_at_the_deadline_never_both_win_and_a_restored_track_is_never_purged()
            throws Exception {
        List<String> ids = IntStream.range(0, TRACKS).mapToObj(i -> addCatalogTrack(http, USER + i, "Race " + i)).toList();
        IntStream.range(0, TRACKS).forEach(i -> http.delete().uri("/api/v1/tracks/{id}", ids.get(i))
                .headers(headers -> headers.setBearerAuth(TestTokens.forUser(USER + i)))
                .exchange().expectStatus().isAccepted());
        // One deadline for all, a moment from now; restores are spread over a second around it.
        Instant deadline = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        db.sql("UPDATE tracks SET scheduled_deletion_at = :deadline WHERE user_id LIKE :users AND status = 'DELETED'")
                .bind("deadline", deadline)
                .bind("users", USER + "%")
                .then()
                .block();

        Map<String, Integer> restoreAnswers = new ConcurrentHashMap<>();
        try (TopicRecorder trackDeleted = new TopicRecorder(kafka(), Topics.TRACK_DELETED)) {
            // Two sweepers besides the scheduled one, as other replicas would run them, until well past the deadline.
            List<CompletableFuture<Void>> sweepers = IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> {
                        while (Instant.now().isBefore(deadline.plusSeconds(2))) {
                            timers.sweep();
                        }
                    }))
                    .toList();
            WebClient client = WebClient.create("http://localhost:" + port);
            List<String> tokens = IntStream.range(0, TRACKS).mapToObj(i -> TestTokens.forUser(USER + i)).toList();
            Flux.range(0, TRACKS)
                    .flatMap(i -> {
                        Instant at = deadline.minusMillis(500).plusMillis(i * 20L);
                        return Mono.delay(Duration.between(Instant.now(), at).isNegative()
                                        ? Duration.ZERO : Duration.between(Instant.now(), at))
                                .then(client.post().uri("/api/v1/tracks/{id}/restore", ids.get(i))
                                        .headers(headers -> headers.setBearerAuth(tokens.get(i)))
                                        .retrieve()
                                        .onStatus(status -> true, response -> Mono.empty())
                                        .toBodilessEntity()
                                        .map(response -> response.getStatusCode().value()))
                                .doOnNext(code -> restoreAnswers.put(ids.get(i), code));
                    }, TRACKS)
                    .blockLast(Duration.ofSeconds(60));
            CompletableFuture.allOf(sweepers.toArray(CompletableFuture[]::new)).get();

            assertThat(restoreAnswers).hasSize(TRACKS);
            assertThat(restoreAnswers.values()).allMatch(code -> code == 200 || code == 410);
            Set<String> restored = ids.stream().filter(id -> restoreAnswers.get(id) == 200).collect(Collectors.toSet());
            Set<String> purged = ids.stream().filter(id -> restoreAnswers.get(id) == 410).collect(Collectors.toSet());
            // Both outcomes happened, so the race was run on both sides of the deadline.
            assertThat(restored).isNotEmpty();
            assertThat(purged).isNotEmpty();

            restored.forEach(id -> assertThat(status(db, id)).as("restored track %s", id).isEqualTo("READY"));
            purged.forEach(id -> assertThat(status(db, id)).as("track %s whose restore was refused", id).isEqualTo("PURGING"));

            // Every track's outcome reached Kafka; the events of one track share a partition, in commit order.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Set<String> seen = trackDeleted.records().stream()
                        .filter(r -> r.value() instanceof TrackRestored || r.value() instanceof TrackPurgeDue)
                        .map(r -> r.key())
                        .collect(Collectors.toSet());
                return seen.containsAll(ids);
            });
            Map<String, List<String>> outcomes = trackDeleted.records().stream()
                    .filter(r -> ids.contains(r.key()))
                    .filter(r -> r.value() instanceof TrackRestored || r.value() instanceof TrackPurgeDue)
                    .collect(Collectors.groupingBy(r -> r.key(),
                            Collectors.mapping(r -> r.value().getSchema().getName(), Collectors.toList())));
            restored.forEach(id -> assertThat(outcomes.get(id)).as("events of restored track %s", id)
                    .containsExactly("TrackRestored"));
            purged.forEach(id -> assertThat(outcomes.get(id)).as("events of purged track %s", id)
                    .containsExactly("TrackPurgeDue"));
            List<SpecificRecord> purgeDues = trackDeleted.records().stream()
                    .map(r -> r.value()).filter(TrackPurgeDue.class::isInstance).toList();
            assertThat(purgeDues).extracting(e -> ((TrackPurgeDue) e).getTrackId()).doesNotContainAnyElementsOf(restored);
        }
    }
}
