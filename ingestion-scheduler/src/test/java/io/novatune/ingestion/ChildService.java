package io.novatune.ingestion;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A NovaTune service run from its fat jar as a child process, configured by environment variables as in
 * production, on a free port; it counts as started once {@code /actuator/health} says UP.
 */
public final class ChildService implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private ChildService(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx384m}; the jar and a free {@code SERVER_PORT} are added
     * @param log        where its output goes
     */
    public static ChildService start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log,
                                     Duration startTimeout) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize() + " is missing. Run mvn verify from the"
                    + " root (the reactor builds every service's jar before the modules that test against it).");
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        ChildService started = new ChildService(builder.start(), URI.create("http://localhost:" + port));
        try {
            started.awaitHealthy(jar.getFileName() + " health UP (its output: " + log.toAbsolutePath() + ")", startTimeout);
        } catch (RuntimeException notStarted) {
            started.close();
            throw notStarted;
        }
        return started;
    }

    private void awaitHealthy(String what, Duration timeout) {
        await(what).atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .failFast("the process exited", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> {
                    HttpResponse<String> health = get("/actuator/health");
                    return health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"");
                });
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM (a graceful shutdown), then SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
