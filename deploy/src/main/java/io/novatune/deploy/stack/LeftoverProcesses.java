package io.novatune.deploy.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a launcher that was killed (kill -9, a crash) leaves running on its data directory: services, found by the
 * {@code -Dnovatune.local-stack=<data-dir>} marker on their command line, and PostgreSQL, which embedded-infra stops
 * itself on the next start. Called only while holding the data directory's lock, so no live launcher owns them.
 */
final class LeftoverProcesses {

    private LeftoverProcesses() {
    }

    static void stopServices(DataDirectory data) {
        String marker = "-Dnovatune.local-stack=" + data.root();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(arguments -> Arrays.asList(arguments).contains(marker)).orElse(false))
                .toList();
        if (leftovers.isEmpty()) {
            return;
        }
        Progress.warn("stopping " + leftovers.size() + " services left running by an earlier launcher on " + data.root());
        leftovers.forEach(ProcessHandle::destroy);
        leftovers.forEach(LeftoverProcesses::awaitOrKill);
    }

    /**
     * Stops a PostgreSQL still serving the stack's data directory. embedded-infra would do it on start too, but
     * {@code --reset} and the port check come first, and neither must run under a live server.
     */
    static void stopPostgres(DataDirectory data) {
        Path pidFile = data.postgres().resolve("postmaster.pid");
        try {
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            Optional<ProcessHandle> postmaster = lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                            .filter(ProcessHandle::isAlive)
                            // A recycled pid that now belongs to another program is left alone.
                            .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
            postmaster.ifPresent(process -> {
                Progress.warn("stopping PostgreSQL (pid " + process.pid() + ") left running by an earlier launcher on " + data.root());
                process.destroy();
                awaitOrKill(process);
            });
        } catch (IOException | NumberFormatException unreadable) {
            // No readable pid file: nothing is running there.
        }
    }

    // After SIGTERM (a clean shutdown), SIGKILL once the grace period is over.
    private static void awaitOrKill(ProcessHandle process) {
        try {
            process.onExit().get(ServiceProcess.GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception stillRunning) {
            process.destroyForcibly();
            process.onExit().join();
        }
    }
}
