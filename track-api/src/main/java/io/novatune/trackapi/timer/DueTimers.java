package io.novatune.trackapi.timer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.novatune.trackapi.album.AlbumListings;
import io.novatune.trackapi.archive.Archiving;
import io.novatune.trackapi.deletion.Purges;
import io.novatune.platform.tracing.Traceparents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The sweeper of the durable due-timers (architecture §4): on its own thread, every
 * {@code novatune.timers.interval}, it fires what is due in batches. The timers live in the
 * database, so a restart loses nothing, and {@code FOR UPDATE SKIP LOCKED} lets every replica
 * sweep at once without firing anything twice.
 */
@Component
public class DueTimers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DueTimers.class);
    /** A batch that takes longer than this is stuck on the database; the next sweep tries again. */
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(1);

    private final TimerProperties properties;
    private final Purges purges;
    private final Archiving archiving;
    private final AlbumListings albumListings;
    private final Tracer tracer;
    private final Traceparents traceparents;
    private final AtomicLong purgeBacklog = new AtomicLong();
    private final AtomicLong purgeResendBacklog = new AtomicLong();
    private final AtomicLong archiveBacklog = new AtomicLong();
    private final AtomicLong albumListingBacklog = new AtomicLong();
    private volatile ScheduledExecutorService executor;

    public DueTimers(TimerProperties properties, Purges purges, Archiving archiving, AlbumListings albumListings,
                     Tracer tracer, Traceparents traceparents, MeterRegistry meters) {
        this.properties = properties;
        this.purges = purges;
        this.archiving = archiving;
        this.albumListings = albumListings;
        this.tracer = tracer;
        this.traceparents = traceparents;
        backlogGauge(meters, "purge", purgeBacklog);
        backlogGauge(meters, "purge_resend", purgeResendBacklog);
        backlogGauge(meters, "archive", archiveBacklog);
        backlogGauge(meters, "album_listing", albumListingBacklog);
    }

    private static void backlogGauge(MeterRegistry meters, String timer, AtomicLong value) {
        Gauge.builder("track.timer.backlog", value, AtomicLong::get)
                .description("Timers due but not fired yet, as of the last sweep")
                .tag("timer", timer)
                .register(meters);
    }

    /**
     * One sweep of every timer, then the backlog gauges. Public so that tests can race it against
     * requests; concurrent sweeps are safe by construction.
     */
    public void sweep() {
        Span span = tracer.nextSpan().name("due-timers sweep").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            // Every event of this sweep continues this trace in its consumer.
            String traceparent = traceparents.current();
            drain("purge", limit -> purges.fireDue(limit, traceparent));
            drain("purge re-send", limit -> purges.resendStale(limit, traceparent));
            drain("purge give-up", purges::giveUpStale);
            drain("archive", limit -> archiving.fireDue(limit, traceparent));
            drain("archive disarm", archiving::disarmUnfireable);
            purgeBacklog.set(purges.dueBacklog().block(BATCH_TIMEOUT));
            purgeResendBacklog.set(purges.staleBacklog().block(BATCH_TIMEOUT));
            archiveBacklog.set(archiving.dueBacklog().block(BATCH_TIMEOUT));
            // Last: its batch waits on the catalog's answers, not only on the database. One (small) batch a sweep.
            albumListings.fireDue(traceparent).block(BATCH_TIMEOUT);
            albumListingBacklog.set(albumListings.dueBacklog().block(BATCH_TIMEOUT));
        } finally {
            span.end();
        }
    }

    /** Batches until one comes back short (nothing more is due) or the per-sweep cap is reached. */
    private void drain(String timer, IntFunction<Mono<Integer>> batch) {
        int size = properties.batchSize();
        for (int i = 0; i < properties.maxBatchesPerSweep(); i++) {
            Integer fired = batch.apply(size).block(BATCH_TIMEOUT);
            if (fired == null || fired < size) {
                return;
            }
        }
        log.info("Timer {} has more due than {} batches of {}; continuing next sweep", timer,
                properties.maxBatchesPerSweep(), size);
    }

    private void sweepAndCarryOn() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // A database hiccup must not end the schedule: whatever was due is still due next time.
            log.warn("Timer sweep failed; retrying in {}", properties.interval(), e);
        }
    }

    @Override
    public void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "due-timers");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.interval().toMillis();
        executor.scheduleWithFixedDelay(this::sweepAndCarryOn, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Due-timers sweep every {}", properties.interval());
    }

    /**
     * Stops sweeping as soon as the context starts closing, before any lifecycle bean stops: a sweep
     * needs the database, and another bean of the same phase (the relay) may take long to stop.
     */
    @EventListener(ContextClosedEvent.class)
    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(BATCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
