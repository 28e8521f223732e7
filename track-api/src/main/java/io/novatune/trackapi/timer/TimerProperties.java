package io.novatune.trackapi.timer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled            false where another process sweeps this database, or a test wants no sweeps
 * @param interval           pause between the end of one sweep and the start of the next
 * @param batchSize          rows claimed per transaction
 * @param maxBatchesPerSweep a sweep stops after this many full batches of one timer, so that one
 *                           timer's backlog does not starve the others; the next sweep goes on
 */
@ConfigurationProperties("novatune.timers")
public record TimerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("20") int maxBatchesPerSweep) {
}
