package io.novatune.ingestion.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import io.novatune.ingestion.scheduling.IngestionDecision.Scheduled;
import io.novatune.ingestion.scheduling.IngestionDecision.SkipReason;
import io.novatune.ingestion.scheduling.IngestionDecision.Skipped;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The events of one poll, decided in one ledger statement, come out as if they had come one by one. */
class OnePollTest extends IngestionIntegrationTest {

    @Autowired
    ScheduleIngestion scheduling;

    @Test
    void two_users_adding_one_isrc_a_redelivered_event_and_a_track_without_isrc_in_one_poll() {
        String shared = TestEvents.randomIsrc();
        String other = TestEvents.randomIsrc();
        TrackAdded first = TestEvents.trackAdded("user-poll-a", shared);
        TrackAdded second = TestEvents.trackAdded("user-poll-b", shared);
        TrackAdded alone = TestEvents.trackAdded("user-poll-a", other);
        TrackAdded noIsrc = TestEvents.trackAdded("user-poll-c", null);

        // Handed to the use case directly, as the listener does with one poll's records (first again: a re-delivery).
        List<List<IngestionDecision>> decided = scheduling.added(List.of(AddEvent.of(first, null), AddEvent.of(second, null),
                AddEvent.of(first, null), AddEvent.of(noIsrc, null), AddEvent.of(alone, null)));

        assertThat(decided).extracting(List::size).containsExactly(1, 1, 1, 1, 1);
        assertThat(decided.get(0).get(0)).isInstanceOfSatisfying(Scheduled.class,
                scheduled -> assertThat(scheduled.recording().userId()).isEqualTo("user-poll-a"));
        assertThat(decided.get(1).get(0)).isInstanceOfSatisfying(Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.ALREADY_SCHEDULED));
        assertThat(decided.get(2).get(0)).isInstanceOfSatisfying(Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.DUPLICATE_EVENT));
        assertThat(decided.get(3).get(0)).isInstanceOfSatisfying(Skipped.class,
                skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.MISSING_ISRC));
        assertThat(decided.get(4).get(0)).isInstanceOf(Scheduled.class);
        // Two users saw the shared recording; the re-delivered event did not count again.
        assertThat(ledgerRow(shared)).containsEntry("seen_count", 2L).containsEntry("first_user_id", "user-poll-a");
        assertThat(ledgerRow(other)).containsEntry("seen_count", 1L);
        awaitIdle();
        assertThat(requestsFor(shared)).singleElement()
                .satisfies(request -> assertThat(request.getTrackId()).isEqualTo(first.getTrackId()));
        assertThat(requestsFor(other)).hasSize(1);
    }
}
