package io.novatune.deploy.stack;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;

/**
 * Ctrl-C, SIGTERM and SIGHUP run the orderly stop before the JVM begins to exit. Relying on a shutdown hook
 * alone would not keep the order: zonky registers its own hook that stops PostgreSQL, and all hooks run at once,
 * so the database could go away under services that are still shutting down.
 */
final class StopSignals {

    private StopSignals() {
    }

    private static final AtomicBoolean STOP_REQUESTED = new AtomicBoolean();

    static void install(Runnable orderlyStop) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    // A second Ctrl-C must not cut the first stop short and orphan services: the stop is bounded.
                    if (STOP_REQUESTED.compareAndSet(false, true)) {
                        orderlyStop.run();
                        System.exit(128 + signal.getNumber());
                    }
                });
            } catch (IllegalArgumentException ignoredByParent) {
                // A background job of a script inherits SIGINT as ignored; the other signals still work.
            }
        }
    }
}
