package io.novatune.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * zonky starts PostgreSQL as a daemon (via pg_ctl), so a JVM that was killed without running its shutdown hooks
 * leaves the postmaster running on the persistent data directory, and the next start would fail. This stops
 * such a leftover before starting again.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SMART_SHUTDOWN_WAIT = Duration.ofSeconds(20);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) {
        runningPostmaster(dataDirectory).ifPresent(postmaster -> {
            log.warn("PostgreSQL from an earlier run (pid {}) still serves {}; stopping it", postmaster.pid(), dataDirectory);
            // SIGTERM: PostgreSQL's "smart" shutdown, a clean checkpoint once clients are gone.
            postmaster.destroy();
            try {
                postmaster.onExit().get(SMART_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                // SIGKILL is safe for a durable cluster: the next start replays the WAL.
                postmaster.destroyForcibly();
                postmaster.onExit().join();
            }
        });
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    // A recycled pid belonging to another program must not be touched.
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}
