package io.novatune.lifecycle.orphans;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.lifecycle.config.ObjectKeyLogging;
import io.novatune.lifecycle.storage.ObjectStore;
import io.novatune.lifecycle.storage.StoredObject;
import io.novatune.lifecycle.storage.TrackObjectKeys;
import io.novatune.lifecycle.trackapi.TrackApiReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Deletes objects under the track prefixes that no track references and that are older than the safety age
 * (failed or abandoned uploads, copies of tracks whose purge went wrong). Page by page: list up to 1000 objects,
 * ask track-api which of the old ones are referenced, delete the rest. When track-api cannot answer, the sweep
 * stops and deletes nothing more: an object is deleted only when track-api said no track references it.
 * One sweep at a time per instance; sweeps in several replicas are harmless (deleting a missing object is fine).
 */
@Service
public class OrphanSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

    private final ObjectStore store;
    private final TrackObjectKeys trackKeys;
    private final TrackApiReferences references;
    private final OrphanSweepProperties properties;
    private final ObjectKeyLogging keyLogging;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter objectsDeleted;
    private final Counter bytesFreed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<OrphanSweepReport> last = new AtomicReference<>();

    public OrphanSweep(ObjectStore store, TrackObjectKeys trackKeys, TrackApiReferences references,
                       OrphanSweepProperties properties, ObjectKeyLogging keyLogging, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.trackKeys = trackKeys;
        this.references = references;
        this.properties = properties;
        this.keyLogging = keyLogging;
        this.clock = clock;
        this.meters = meters;
        this.objectsDeleted = Counter.builder("track.objects.deleted")
                .description("Objects removed from storage").tag("source", "orphan_sweep").register(meters);
        this.bytesFreed = Counter.builder("track.storage.bytes.freed")
                .description("Bytes removed from storage").tag("source", "orphan_sweep").register(meters);
    }

    /** The last finished sweep, if any. */
    public OrphanSweepReport last() {
        return last.get();
    }

    public OrphanSweepReport run(String trigger) {
        Instant startedAt = clock.instant();
        if (!running.compareAndSet(false, true)) {
            return OrphanSweepReport.alreadyRunning(trigger, startedAt);
        }
        Tally tally = new Tally();
        OrphanSweepReport report;
        try {
            Instant cutoff = startedAt.minus(properties.safetyAge());
            for (String prefix : trackKeys.prefixes()) {
                store.list(prefix, page -> sweep(page, cutoff, tally));
            }
            report = tally.report(trigger, OrphanSweepReport.Status.COMPLETED, startedAt, clock.instant(), null);
        } catch (RuntimeException e) {
            report = tally.report(trigger, OrphanSweepReport.Status.FAILED, startedAt, clock.instant(), e.toString());
        } finally {
            running.set(false);
        }
        last.set(report);
        record(report);
        return report;
    }

    private void sweep(List<StoredObject> page, Instant cutoff, Tally tally) {
        List<StoredObject> old = page.stream().filter(object -> object.lastModified().isBefore(cutoff)).toList();
        tally.scanned += page.size();
        tally.young += page.size() - old.size();
        if (old.isEmpty()) {
            return;
        }
        Set<String> referenced = references.referenced(old.stream().map(StoredObject::key).toList());
        List<String> deleted = new ArrayList<>();
        for (StoredObject object : old) {
            if (referenced.contains(object.key())) {
                tally.referenced++;
                continue;
            }
            store.delete(object.key());
            deleted.add(object.key());
            tally.deleted++;
            tally.bytesFreed += object.sizeBytes();
            objectsDeleted.increment();
            bytesFreed.increment(object.sizeBytes());
        }
        if (!deleted.isEmpty()) {
            keyLogging.withKeys(log.atInfo(), "objectKeys", deleted)
                    .addKeyValue("objectsDeleted", deleted.size())
                    .log("orphaned objects deleted");
        }
    }

    private void record(OrphanSweepReport report) {
        Counter.builder("orphan.sweeps")
                .description("Orphan sweeps run, by trigger and result")
                .tag("trigger", report.trigger())
                .tag("result", report.status().name().toLowerCase())
                .register(meters)
                .increment();
        var line = report.status() == OrphanSweepReport.Status.FAILED ? log.atError() : log.atInfo();
        line.addKeyValue("trigger", report.trigger())
                .addKeyValue("result", report.status().name().toLowerCase())
                .addKeyValue("scanned", report.scanned())
                .addKeyValue("young", report.young())
                .addKeyValue("referenced", report.referenced())
                .addKeyValue("deleted", report.deleted())
                .addKeyValue("bytesFreed", report.bytesFreed())
                .addKeyValue("error", report.error())
                .log("orphan sweep finished");
    }

    /** Counts of one sweep so far; a failure reports what was done before it. */
    private static final class Tally {
        long scanned;
        long young;
        long referenced;
        long deleted;
        long bytesFreed;

        OrphanSweepReport report(String trigger, OrphanSweepReport.Status status, Instant startedAt,
                                 Instant finishedAt, String error) {
            return new OrphanSweepReport(trigger, status, startedAt, finishedAt, scanned, young, referenced, deleted,
                    bytesFreed, error);
        }
    }
}
