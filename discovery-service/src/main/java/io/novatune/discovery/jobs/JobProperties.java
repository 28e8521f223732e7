package io.novatune.discovery.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Identification jobs: at most {@code maxEntries} entries per job, {@code parallelEntries} identified at once, each
 * within {@code entryTimeout}. A running job's lease is renewed every third of {@code lease}; a job whose lease ran out
 * (its instance died) is claimed by the sweep, every {@code sweepInterval}, and resumes.
 */
@ConfigurationProperties("novatune.discovery.jobs")
public record JobProperties(
        @DefaultValue("100") int maxEntries,
        @DefaultValue("5") int parallelEntries,
        @DefaultValue("30s") Duration entryTimeout,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("2s") Duration sweepInterval) {
}
