package io.novatune.archiver.archiving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.novatune.events.AssetKind;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The archiver's meters, as Prometheus shows them: {@code archive_assets_total{kind,outcome}},
 * {@code archive_bytes_total}, {@code archive_duration_seconds}, {@code archive_lead_time_seconds} (expiry minus
 * archive time: how close to losing a track we came) and {@code archive_in_flight}.
 */
@Component
public class ArchiveMetrics {

    private final MeterRegistry meters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter bytes;
    private final DistributionSummary leadTime;

    public ArchiveMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("archive.in.flight", inFlight, AtomicInteger::get)
                .description("Assets being copied now")
                .register(meters);
        this.bytes = Counter.builder("archive.bytes").description("Bytes copied into object storage").register(meters);
        // A summary, not a timer: a track archived after its links expired has a negative lead time, which a
        // timer would drop.
        this.leadTime = DistributionSummary.builder("archive.lead.time").baseUnit("seconds")
                .description("Provider link expiry minus the time the track was archived")
                .register(meters);
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    public void outcome(AssetOutcome outcome, Duration took) {
        String name = outcomeName(outcome);
        Counter.builder("archive.assets").description("Assets handled, by kind and outcome")
                .tag("kind", kind(outcome.kind())).tag("outcome", name).register(meters).increment();
        Timer.builder("archive.duration").description("Time to archive one asset, retries included")
                .tag("kind", kind(outcome.kind())).register(meters).record(took);
        if (outcome instanceof AssetOutcome.Archived archived && !archived.alreadyStored()) {
            bytes.increment(archived.copy().sizeBytes());
        }
    }

    public void leadTime(Duration untilExpiry) {
        leadTime.record(untilExpiry.toMillis() / 1000.0);
    }

    /** {@code archived}, {@code already_archived}, {@code retryable_failure} or {@code failure}. */
    static String outcomeName(AssetOutcome outcome) {
        if (outcome instanceof AssetOutcome.Archived archived) {
            return archived.alreadyStored() ? "already_archived" : "archived";
        }
        return ((AssetOutcome.Failed) outcome).retryable() ? "retryable_failure" : "failure";
    }

    static String kind(AssetKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
