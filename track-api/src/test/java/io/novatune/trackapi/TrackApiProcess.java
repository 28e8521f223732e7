package io.novatune.trackapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The whole track-api application in a child JVM of its own, started from this test's classpath with the given
 * JVM options and {@code -D} properties; its output goes to the test's output.
 */
public final class TrackApiProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");

    private static final Pattern LIVE_DATA = Pattern.compile("^jvm_gc_live_data_size_bytes(?:\\{[^}]*})? (\\S+)$");

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private TrackApiProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::copyOutput, "track-api-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static TrackApiProcess start(List<String> jvmOptions, Map<String, String> properties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-Dserver.port=" + port);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrackApiApplication.class.getName());
        return new TrackApiProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    public void awaitReady(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("track-api exited with " + process.exitValue());
            }
            try {
                return http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    /** Bytes in use on the heap right now, garbage included (all heap pools added up), from the Prometheus endpoint. */
    public OptionalLong heapUsed() {
        return metric(HEAP_USED);
    }

    /** The old generation's occupancy after the last collection: what the heap really holds on to. */
    public OptionalLong liveDataAfterGc() {
        return metric(LIVE_DATA);
    }

    private OptionalLong metric(Pattern sample) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double total = 0;
            boolean found = false;
            for (String line : metrics.split("\n")) {
                Matcher matcher = sample.matcher(line);
                if (matcher.matches()) {
                    total += Double.parseDouble(matcher.group(1));
                    found = true;
                }
            }
            return found ? OptionalLong.of((long) total) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The peak resident set size of the process so far (Linux), from {@code VmHWM}. */
    public OptionalLong peakRss() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException notLinux) {
            return OptionalLong.empty();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void copyOutput() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("[track-api " + port + "] " + line);
            }
        } catch (IOException processGone) {
            // Nothing more to read.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
