package io.novatune.lifecycle.orphans;

import java.time.Instant;

/**
 * What one sweep did.
 *
 * @param scanned    objects listed under the track prefixes
 * @param young      of those, younger than the safety age: never candidates
 * @param referenced old ones a track still references: kept
 * @param deleted    old ones no track references: deleted
 * @param error      why the sweep stopped early ({@code FAILED}); what it deleted until then stays deleted
 */
public record OrphanSweepReport(String trigger, Status status, Instant startedAt, Instant finishedAt,
                                long scanned, long young, long referenced, long deleted, long bytesFreed,
                                String error) {

    public enum Status { COMPLETED, FAILED, ALREADY_RUNNING }

    static OrphanSweepReport alreadyRunning(String trigger, Instant now) {
        return new OrphanSweepReport(trigger, Status.ALREADY_RUNNING, now, now, 0, 0, 0, 0, 0, null);
    }
}
