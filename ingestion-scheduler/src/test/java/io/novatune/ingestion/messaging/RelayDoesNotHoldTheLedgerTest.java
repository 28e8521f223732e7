package io.novatune.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.TestEvents;
import io.novatune.ingestion.ledger.IngestionRequest;
import io.novatune.ingestion.ledger.IsrcLedger;
import io.novatune.ingestion.scheduling.IngestionDecision;
import io.novatune.ingestion.scheduling.IngestionDecision.SkipReason;
import io.novatune.ingestion.scheduling.IngestionDecision.Skipped;
import io.novatune.ingestion.scheduling.ScheduleIngestion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While the relay waits for Kafka's acknowledgements it holds its transaction open; a claim of the same ISRC
 * (a second user adding the recording) must not wait for it. If it did, a slow Kafka would make a whole poll's
 * claim time out and fail open, sending its requests a second time.
 */
class RelayDoesNotHoldTheLedgerTest extends IngestionIntegrationTest {

    @Autowired
    IngestionRequestRelay relay;

    @Autowired
    IsrcLedger ledger;

    @Autowired
    ScheduleIngestion scheduling;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void a_claim_counts_a_sighting_of_a_request_the_relay_is_publishing_without_waiting_for_it() throws Exception {
        String isrc = TestEvents.randomIsrc();
        CountDownLatch relayHasIt = new CountDownLatch(1);
        CountDownLatch kafkaAnswers = new CountDownLatch(1);
        CompletableFuture<List<IngestionRequest>> publishing;
        relay.stop();
        try {
            // Handed to the use case directly: the request stays unpublished while this JVM's relay is stopped.
            scheduling.trackAdded(TestEvents.trackAdded("user-first", isrc));
            // What the relay does for a batch, held open as if Kafka were slow to acknowledge.
            publishing = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
                assertThat(ledger.takeRelayTurn()).isTrue();
                List<IngestionRequest> pending = ledger.unpublished(10_000);
                relayHasIt.countDown();
                awaitQuietly(kafkaAnswers);
                return pending;
            }));
            assertThat(relayHasIt.await(30, TimeUnit.SECONDS)).isTrue();

            TrackAdded second = TestEvents.trackAdded("user-second", isrc);
            List<IngestionDecision> decided = scheduling.trackAdded(second);

            // Decided by the ledger (within the 2 s statement timeout of the tests), not failed open.
            assertThat(decided).singleElement().isInstanceOfSatisfying(Skipped.class,
                    skipped -> assertThat(skipped.reason()).isEqualTo(SkipReason.ALREADY_SCHEDULED));
            assertThat(ledgerRow(isrc)).containsEntry("seen_count", 2L);
        } finally {
            kafkaAnswers.countDown();
            relay.start();
        }
        assertThat(publishing.get(30, TimeUnit.SECONDS)).extracting(IngestionRequest::isrc).contains(isrc);
        awaitIdle();
        assertThat(requestsFor(isrc)).hasSize(1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
