package io.novatune.lifecycle.orphans;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param scheduled    run the sweep on a schedule (it can always be run on demand, {@code POST /actuator/orphansweep})
 * @param initialDelay first scheduled run after startup
 * @param interval     pause between the end of one scheduled run and the start of the next
 * @param safetyAge    only objects last modified longer ago than this are candidates: an upload in progress, or an
 *                     archived copy whose result track-api has not recorded yet, is not referenced by any row
 *                     yet. Keep it well above the longest upload and the longest expected consumer lag.
 */
@ConfigurationProperties("novatune.orphans")
public record OrphanSweepProperties(
        @DefaultValue("true") boolean scheduled,
        @DefaultValue("10m") Duration initialDelay,
        @DefaultValue("6h") Duration interval,
        @DefaultValue("24h") Duration safetyAge) {

    public OrphanSweepProperties {
        if (safetyAge.isNegative() || safetyAge.isZero()) {
            throw new IllegalArgumentException("novatune.orphans.safety-age must be positive, not " + safetyAge);
        }
    }
}
