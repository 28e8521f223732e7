package io.novatune.trackapi;

import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole track-api application in a child JVM of its own, started from this test's classpath with the given
 * JVM options and {@code -D} properties; its output goes to the test's output.
 */
public final class TrackApiProcess implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");

    private static final Pattern LIVE_DATA = Pattern.compile("^jvm_gc_live_data_size_bytes(?:\\{[^}]*})? (\\S+)$");

    private final ChildJvm process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private TrackApiProcess(ChildJvm process, int port) {
        this.process = process;
        this.port = port;
    }

    public static TrackApiProcess start(List<String> jvmOptions, Map<String, String> properties) {
        int port = FreePort.pick();
        List<String> options = new ArrayList<>(jvmOptions);
        properties.forEach((name, value) -> options.add("-D" + name + "=" + value));
        options.add("-Dserver.port=" + port);
        return new TrackApiProcess(ChildJvm.runMain(TrackApiApplication.class, options, List.of(),
                ChildOutput.printedAs("track-api " + port)), port);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    public void awaitReady(Duration timeout) {
        process.awaitHttpOk(uri("/actuator/health/readiness"), timeout);
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
        return process.peakRss();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the process vanishes mid-request, as on a node failure. */
    public void crash() {
        process.crash();
    }

    /** SIGTERM, then SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        process.close();
    }
}
