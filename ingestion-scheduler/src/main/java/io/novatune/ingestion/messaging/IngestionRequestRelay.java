package io.novatune.ingestion.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.ingestion.config.IngestionProperties;
import io.novatune.ingestion.ledger.IngestionRequest;
import io.novatune.ingestion.ledger.IsrcLedger;
import io.novatune.ingestion.scheduling.DecisionLog;
import io.novatune.ingestion.scheduling.RequestDispatch;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only path from the ledger to {@code ingestion-requested} (ADR 0005): in one transaction it takes the
 * relay's turn (an advisory lock: one replica's relay at a time), reads requests Kafka has not acknowledged,
 * sends them, waits for the acknowledgements and marks those published. The rows themselves are not locked
 * while it waits for Kafka, so the claims of new adds never queue behind it (ADR 0031). A crash anywhere
 * before the commit leaves the rows to be sent again, with the same eventId; nothing is lost and no second
 * eventId is ever made.
 * <p>
 * It runs when a decision commits new requests, and every idle interval for rows left by a crash, a failed
 * send or another replica.
 */
@Component
public class IngestionRequestRelay implements SmartLifecycle, RequestDispatch {

    private final IsrcLedger ledger;
    private final IngestionRequestPublisher publisher;
    private final TransactionTemplate transactions;
    private final DecisionLog decisions;
    private final IngestionProperties.Relay settings;
    private final Counter published;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    IngestionRequestRelay(IsrcLedger ledger, IngestionRequestPublisher publisher, TransactionTemplate transactions,
                          DecisionLog decisions, IngestionProperties properties, MeterRegistry meters) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.transactions = transactions;
        this.decisions = decisions;
        this.settings = properties.relay();
        this.published = Counter.builder("ingestion_requests_published")
                .description("IngestionRequested records Kafka acknowledged").register(meters);
    }

    @Override
    public void requestsCommitted() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    @Override
    public void publishWithoutLedger(List<IngestionRequest> requests) {
        IngestionRequestPublisher.Publication publication = publisher.publish(requests, settings.sendTimeout());
        published.increment(publication.acknowledged().size());
        if (publication.failure() != null) {
            throw new IllegalStateException("Kafka did not acknowledge the ingestion requests sent without the ledger",
                    publication.failure());
        }
    }

    /** Publishes one batch; answers how many rows it found (a full batch means: go again at once). */
    int relayOnce() {
        Integer found = transactions.execute(status -> {
            if (!ledger.takeRelayTurn()) {
                return 0; // another replica's relay is at it; this one looks again after the idle interval
            }
            List<IngestionRequest> pending = ledger.unpublished(settings.batchSize());
            if (pending.isEmpty()) {
                return 0;
            }
            long started = System.nanoTime();
            IngestionRequestPublisher.Publication publication = publisher.publish(pending, settings.sendTimeout());
            ledger.markPublished(publication.acknowledged());
            published.increment(publication.acknowledged().size());
            if (publication.failure() != null) {
                decisions.error("publish_failed", null, null, publication.failure(), (System.nanoTime() - started) / 1_000_000);
                return 0; // the rest waits for the next round, after the idle interval
            }
            return pending.size();
        });
        return found == null ? 0 : found;
    }

    private void run() {
        while (running) {
            int found;
            try {
                found = relayOnce();
            } catch (RuntimeException ledgerOrKafkaDown) {
                decisions.error("relay_failed", null, null, ledgerOrKafkaDown, 0);
                found = 0;
            }
            if (found < settings.batchSize()) {
                awaitWakeUp(settings.idleInterval());
            }
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "ingestion-request-relay");
        // Rows are safe in the ledger: a JVM exiting without stop() loses nothing.
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        requestsCommitted();
        try {
            worker.join(settings.sendTimeout().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the listeners and stops after them, so no decision's wake-up finds it gone. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
