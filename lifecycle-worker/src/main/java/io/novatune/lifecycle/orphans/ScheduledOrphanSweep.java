package io.novatune.lifecycle.orphans;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The sweep on its schedule ({@code novatune.orphans.scheduled}, {@code initial-delay}, {@code interval}). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "novatune.orphans.scheduled", matchIfMissing = true)
public class ScheduledOrphanSweep {

    static final String TRIGGER = "scheduled";

    private final OrphanSweep sweep;

    public ScheduledOrphanSweep(OrphanSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(initialDelayString = "${novatune.orphans.initial-delay:10m}", fixedDelayString = "${novatune.orphans.interval:6h}")
    void sweep() {
        sweep.run(TRIGGER);
    }
}
