package io.novatune.deploy.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child JVM ({@code java <options> -jar <module>.jar}), its stdout and stderr in
 * {@code logs/<module>.log}. Stopping is graceful first (SIGTERM lets Spring Boot finish its work), forced after
 * a grace period.
 */
final class ServiceProcess {

    static final Duration GRACE_PERIOD = Duration.ofSeconds(20);

    private final StackService service;
    private final Process process;
    private final Path log;
    private volatile boolean stopping;

    private ServiceProcess(StackService service, Process process, Path log) {
        this.service = service;
        this.process = process;
        this.log = log;
    }

    /**
     * @param marker a system property naming the data directory, so every process of one stack can be found
     *               ({@code pgrep -f <data-dir>}) even if the launcher was killed
     */
    static ServiceProcess launch(StackService service, Path jar, List<String> javaOptions, String marker,
                                 Map<String, String> environment, DataDirectory data) {
        Path log = data.log(service.module());
        Path workingDirectory = data.workingDirectory(service.module());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-Dnovatune.local-stack=" + marker);
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(workingDirectory);
            keepPreviousLog(log);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullInput()));
            builder.environment().putAll(environment);
            return new ServiceProcess(service, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module() + " (" + String.join(" ", command) + ")", e);
        }
    }

    // One previous run is kept: the log of a crash is still there after the next start.
    private static void keepPreviousLog(Path log) throws IOException {
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static File nullInput() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    StackService service() {
        return service;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Runs {@code action} if the process ends while nobody asked it to stop. */
    void onUnexpectedExit(Runnable action) {
        process.onExit().thenRun(() -> {
            if (!stopping) {
                action.run();
            }
        });
    }

    /** Asks the service to stop (SIGTERM); {@link #awaitStopped()} then waits and, if need be, kills it. */
    void requestStop() {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    void awaitStopped() {
        try {
            if (!process.waitFor(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS)) {
                Progress.warn(service.module() + " did not stop within " + GRACE_PERIOD.toSeconds() + " s; killing it");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
