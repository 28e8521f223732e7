package io.novatune.ingestion.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import io.novatune.ingestion.scheduling.IngestionDecision.Scheduled;
import io.novatune.ingestion.scheduling.IngestionDecision.SkipReason;
import io.novatune.ingestion.scheduling.IngestionDecision.Skipped;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConcurrentAddsTest extends IngestionIntegrationTest {

    @Autowired
    ScheduleIngestion scheduling;

    @Test
    void the_same_isrc_added_by_two_users_twice_each_at_the_same_time_is_requested_once() {
        String isrc = TestEvents.randomIsrc();
        List<TrackAdded> adds = List.of(
                TestEvents.trackAdded("user-a", isrc), TestEvents.trackAdded("user-b", isrc),
                TestEvents.trackAdded("user-a", isrc), TestEvents.trackAdded("user-b", isrc));

        // Keyed by track id as track-api does: the four land on different partitions and consumer threads.
        adds.forEach(this::publish);

        awaitIdle();
        assertThat(requestsFor(isrc)).singleElement()
                .satisfies(request -> assertThat(request.getUserId()).isIn("user-a", "user-b"));
        assertThat(ledgerRow(isrc)).containsEntry("seen_count", 4L);
    }

    @Test
    void four_decisions_on_one_isrc_racing_in_the_database_make_exactly_one_request() throws Exception {
        String isrc = TestEvents.randomIsrc();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<IngestionDecision>>> racers = new ArrayList<>();
        for (String user : List.of("user-a", "user-b", "user-a", "user-b")) {
            TrackAdded add = TestEvents.trackAdded(user, isrc);
            racers.add(() -> {
                start.await();
                return scheduling.trackAdded(add); // what the listener calls, from four threads at once
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(racers.size());
        try {
            List<Future<List<IngestionDecision>>> decided = racers.stream().map(threads::submit).toList();
            start.countDown();
            List<IngestionDecision> decisions = new ArrayList<>();
            for (Future<List<IngestionDecision>> decision : decided) {
                decisions.addAll(decision.get());
            }

            assertThat(decisions).filteredOn(Scheduled.class::isInstance).hasSize(1);
            assertThat(decisions).filteredOn(Skipped.class::isInstance).hasSize(3)
                    .allSatisfy(skipped -> assertThat(((Skipped) skipped).reason()).isEqualTo(SkipReason.ALREADY_SCHEDULED));
        } finally {
            threads.shutdownNow();
        }
        awaitIdle();
        assertThat(requestsFor(isrc)).hasSize(1);
    }
}
