package io.novatune.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Java program in a child JVM: a service's fat jar run as production runs it (configured by its environment),
 * or a main class of this JVM's classpath. Tests use it for what one JVM cannot show: a heap limit of its own, a
 * service built and configured like the real one, a process killed hard.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;

    private ChildJvm(String name, Process process, ChildOutput output) {
        this.name = name;
        this.process = process;
        if (output instanceof ChildOutput.Lines lines) {
            Thread reader = new Thread(() -> copyLines(lines), name + "-output");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** {@code java <jvmOptions> -jar <jar>} with these environment variables added to this JVM's. */
    public static ChildJvm runJar(Path jar, List<String> jvmOptions, Map<String, String> environment,
                                  ChildOutput output) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize() + " is missing. Run mvn verify from the"
                    + " root: the reactor builds every service's jar before the modules that test against it.");
        }
        List<String> command = new ArrayList<>(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return start(jar.getFileName().toString(), command, environment, output);
    }

    /** {@code java <jvmOptions> -cp <this JVM's classpath> <mainClass> <arguments>}. */
    public static ChildJvm runMain(Class<?> mainClass, List<String> jvmOptions, List<String> arguments,
                                   ChildOutput output) {
        List<String> command = new ArrayList<>(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        return start(mainClass.getSimpleName(), command, Map.of(), output);
    }

    private static ChildJvm start(String name, List<String> javaArguments, Map<String, String> environment,
                                  ChildOutput output) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (output instanceof ChildOutput.File file) {
            builder.redirectOutput(ProcessBuilder.Redirect.to(file.log().toFile()));
        }
        try {
            return new ChildJvm(name, builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code uri} answers 200 (e.g. a readiness endpoint); fails at once if the process exits. */
    public void awaitHttpOk(URI uri, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        await(name + " answering 200 on " + uri).atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .failFast(name + " exited", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The peak resident set size of the process so far, from {@code VmHWM} (Linux only). */
    public OptionalLong peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst();
        } catch (IOException notLinuxOrGone) {
            return OptionalLong.empty();
        }
    }

    /** SIGTERM, a graceful shutdown; SIGKILL if it takes longer than 30 s. */
    public void stop() {
        process.destroy();
        if (!waitForExit()) {
            crash();
        }
    }

    /** SIGKILL: no shutdown hook, no offset commit, no goodbye to its servers — a crashed replica. */
    public void crash() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private boolean waitForExit() {
        try {
            return process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private void copyLines(ChildOutput.Lines lines) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.consumer().accept(line);
            }
        } catch (IOException processGone) {
            // Nothing more to read.
        }
    }
}
