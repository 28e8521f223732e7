package io.novatune.lifecycle.orphans;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/orphansweep} runs a sweep now and answers its report; {@code GET} shows the last one.
 * An actuator endpoint, so it lives with health and metrics on the management surface, which is for operators
 * only (docs/adr/0008-orphan-sweep.md); the sweep itself can delete nothing a track references.
 */
@Component
@Endpoint(id = "orphansweep")
public class OrphanSweepEndpoint {

    static final String TRIGGER = "on_demand";

    private final OrphanSweep sweep;

    public OrphanSweepEndpoint(OrphanSweep sweep) {
        this.sweep = sweep;
    }

    @WriteOperation
    public OrphanSweepReport sweepNow() {
        return sweep.run(TRIGGER);
    }

    @ReadOperation
    public OrphanSweepReport lastSweep() {
        return sweep.last();
    }
}
