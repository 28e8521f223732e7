package io.novatune.archiver.bench;

import io.novatune.archiver.ArchiverProcess;
import io.novatune.archiver.TestEvents;
import io.novatune.events.ArchiveDue;
import io.novatune.events.Topics;
import io.novatune.events.TrackArchived;
import io.novatune.infra.S3Options;
import io.novatune.infra.S3Server;
import io.novatune.infra.standin.ProviderStandIn;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.storage.TestStorage;
import software.amazon.awssdk.core.sync.RequestBody;

import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.novatune.infra.standin.ProviderStandIn.file;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark, not a test (Surefire does not run it): N tracks of an audio file and a cover each, from the provider
 * stand-in into S3, as a raw copy (HTTP GET streamed into an S3 upload by the same SDK, as many at once as the
 * archiver's max in flight, no service) and through the archiver as a child process fed N ArchiveDue.
 * Each side first copies {@code bench.warm-up} other tracks unmeasured (its figures are printed apart), so that
 * both are measured as a running service is, with their code compiled; then the two take turns over
 * {@code bench.rounds} shares of the tracks, and the times of each side are summed.
 * Prints both throughputs, their ratio (goal: the archiver at 80 % of the raw copy or more) and the archiver's
 * peak heap and RSS. Run it with {@code deploy/bench/archiver/run.sh}.
 */
public final class ArchiverBenchmark {

    private static final String PROVIDER = "benchstandin";
    private static final int IN_FLIGHT = 4;
    private static final int LISTENERS = 3;
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");

    public static void main(String[] args) throws Exception {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long audioBytes = (args.length > 1 ? Long.parseLong(args[1]) : 8) * 1024 * 1024;
        long coverBytes = (args.length > 2 ? Long.parseLong(args[2]) : 300) * 1024;
        String heap = System.getProperty("bench.service.heap", "256m");
        // 8MB (production's, the default): the 8 MiB audio fits one part and is put with its metadata in one request;
        // 5MB (the tests'): it goes up in two parts and is then copied onto itself with its SHA-256.
        String partSize = System.getProperty("bench.part-size", "8MB");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        int warmUp = Integer.getInteger("bench.warm-up", 40);
        int rounds = Math.max(1, Integer.getInteger("bench.rounds", 4));
        long totalBytes = tracks * (audioBytes + coverBytes);

        Path objects = Files.createTempDirectory("archiver-bench-s3");
        // About 4 GB of objects per run: gone when the benchmark ends, however it ends, or a few runs fill the disk.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(objects)));
        KafkaProbe kafka = KafkaProbe.shared();
        ProviderStandIn provider = ProviderStandIn.shared();
        try (S3Server s3 = S3Server.start(new S3Options(objects, 0))) {
            TestStorage storage = TestStorage.on(s3);
            List<String> ids = tracks(provider, "bench", tracks, audioBytes, coverBytes);
            // Both sides first copy other tracks unmeasured, so that both are timed with their code compiled: a
            // profile of a cold archiver showed half a core in the JIT compiler during the measured copy.
            List<String> rawWarmUp = tracks(provider, "warm-raw", warmUp, audioBytes, coverBytes);
            List<String> archiverWarmUp = tracks(provider, "warm-arch", warmUp, audioBytes, coverBytes);
            String group = "archiver-bench-" + TestEvents.newId("g");
            ArchiverProcess.startGroupAtEnd(group);
            Duration rawCold;
            Duration archiverCold;
            Duration raw = Duration.ZERO;
            Duration rawCpu = Duration.ZERO;
            Duration archived = Duration.ZERO;
            Duration archiverCpu = Duration.ZERO;
            Duration hostCpu = Duration.ZERO;
            List<String> roundRatios = new ArrayList<>();
            long peakHeap;
            String peakRss;
            // As deployed: both JIT tiers and application.yml's listener concurrency (one consumer per partition).
            try (ArchiverProcess archiver = ArchiverProcess.startAsDeployed("bench-archiver", group, PROVIDER, heap, s3,
                    "--novatune.archiver.max-in-flight=" + IN_FLIGHT, "--spring.kafka.listener.concurrency=" + LISTENERS,
                    "--novatune.s3.part-size=" + partSize, "--logging.level.io.novatune=WARN")) {
                HeapSampler sampler = new HeapSampler(archiver.uri("/actuator/prometheus"));
                rawCold = rawCopy(provider, storage, rawWarmUp);
                archiverCold = archive(kafka, provider, archiver, archiverWarmUp);
                // The two sides take turns, a share of the tracks each time: on a shared machine, other work that
                // comes and goes then weighs on both alike instead of on whichever side happened to run during it.
                int perRound = (tracks + rounds - 1) / rounds;
                for (int from = 0; from < tracks; from += perRound) {
                    List<String> round = ids.subList(from, Math.min(tracks, from + perRound));
                    Duration hostCpuBeforeRaw = cpuTimeOfThisJvm();
                    Duration rawRound = rawCopy(provider, storage, round);
                    // The raw copy's client, the provider and S3Proxy all run in this JVM.
                    rawCpu = rawCpu.plus(cpuTimeOfThisJvm().minus(hostCpuBeforeRaw));
                    Duration archiverCpuBefore = archiver.cpuTime();
                    Duration hostCpuBefore = cpuTimeOfThisJvm();
                    Duration archivedRound = archive(kafka, provider, archiver, round);
                    archiverCpu = archiverCpu.plus(archiver.cpuTime().minus(archiverCpuBefore));
                    hostCpu = hostCpu.plus(cpuTimeOfThisJvm().minus(hostCpuBefore));
                    raw = raw.plus(rawRound);
                    archived = archived.plus(archivedRound);
                    roundRatios.add(String.format(Locale.ROOT, "%.2f", seconds(rawRound) / seconds(archivedRound)));
                }
                peakHeap = sampler.stop();
                peakRss = archiver.peakRss().isPresent() ? mib(archiver.peakRss().getAsLong()) + " MiB" : "?";
            }

            double rawRate = mibPerSecond(totalBytes, raw);
            double archiverRate = mibPerSecond(totalBytes, archived);
            String report = String.join("\n",
                    "machine: " + machine(),
                    "load average before: " + loadBefore,
                    "load: " + tracks + " tracks × (" + mib(audioBytes) + " MiB audio + " + (coverBytes / 1024) + " KiB cover) = "
                            + mib(totalBytes) + " MiB, from the provider stand-in (loopback HTTP) into S3Proxy on a file system",
                    String.format(Locale.ROOT, "raw copy (HTTP GET streamed into an S3 upload, same SDK, %d at once): %.1f s, %.1f MiB/s, %.0f tracks/min",
                            IN_FLIGHT, seconds(raw), rawRate, tracks / seconds(raw) * 60),
                    String.format(Locale.ROOT, "archiver (child JVM -Xmx%s, max-in-flight %d, %d listeners, part size %s, verify + SHA-256 + results): %.1f s, %.1f MiB/s, %.0f tracks/min",
                            heap, IN_FLIGHT, LISTENERS, partSize, seconds(archived), archiverRate, tracks / seconds(archived) * 60),
                    String.format(Locale.ROOT, "ratio archiver / raw: %.2f (goal >= 0.80); by round (%d, the sides taking turns): %s",
                            archiverRate / rawRate, roundRatios.size(), String.join(" ", roundRatios)),
                    String.format(Locale.ROOT, "warm-up before the measured copies (%d other tracks each, not counted above):"
                                    + " raw %.1f MiB/s, archiver %.1f MiB/s, ratio %.2f",
                            warmUp, mibPerSecond(warmUp * (audioBytes + coverBytes), rawCold),
                            mibPerSecond(warmUp * (audioBytes + coverBytes), archiverCold),
                            seconds(rawCold) / seconds(archiverCold)),
                    // Less sensitive to other load on the machine than the wall-clock times above.
                    String.format(Locale.ROOT, "CPU per GiB copied: raw %.1f s (all in this JVM); archiver run %.1f s"
                                    + " (archiver %.1f s + provider, S3Proxy, Kafka %.1f s)",
                            perGiB(rawCpu, totalBytes), perGiB(archiverCpu.plus(hostCpu), totalBytes),
                            perGiB(archiverCpu, totalBytes), perGiB(hostCpu, totalBytes)),
                    "archiver peak heap used: " + mib(peakHeap) + " MiB; peak RSS: " + peakRss);
            System.out.println("\n=== archiver benchmark ===\n" + report);
            Files.writeString(Path.of("target", "bench-result.txt"), report + "\n");
        }
        System.exit(0);
    }

    private static void deleteQuietly(Path directory) {
        try {
            FileSystemUtils.deleteRecursively(directory);
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }

    /** Tracks {@code prefix-i-…} with an audio file and a cover each, served by the provider stand-in. */
    private static List<String> tracks(ProviderStandIn provider, String prefix, int count, long audioBytes, long coverBytes) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String track = prefix + "-" + i + "-" + TestEvents.newId("t").substring(2, 10);
            provider.on("/" + track + "/audio", file("audio/mpeg", audioBytes, i))
                    .on("/" + track + "/cover", file("image/jpeg", coverBytes, -i - 1));
            ids.add(track);
        }
        return ids;
    }

    /** Publishes an ArchiveDue per track and answers the time from the first publication to the last result. */
    private static Duration archive(KafkaProbe kafka, ProviderStandIn provider, ArchiverProcess archiver, List<String> ids) {
        Instant started = Instant.now();
        for (String track : ids) {
            ArchiveDue due = ArchiveDue.newBuilder(TestEvents.due(track, "bench-user",
                            provider.link("/" + track + "/audio"), provider.link("/" + track + "/cover"), null))
                    .setProviderName(PROVIDER).build();
            kafka.publish(track, due);
        }
        Set<String> pending = new HashSet<>(ids);
        AtomicReference<Instant> lastResult = new AtomicReference<>(started);
        // The end is the last result's occurredAt, not when this loop sees it: polling rarely keeps the
        // probe (a consumer reading the whole topic each time) from competing for the CPU it measures.
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .failFast("the archiver exited, see " + archiver.log(), () -> !archiver.isAlive())
                .until(() -> {
                    kafka.events(Topics.ARCHIVE_RESULTS, TrackArchived.class).stream()
                            .filter(result -> pending.remove(result.getTrackId()))
                            .forEach(result -> lastResult.accumulateAndGet(result.getOccurredAt(),
                                    (a, b) -> a.isAfter(b) ? a : b));
                    return pending.isEmpty();
                });
        return Duration.between(started, lastResult.get());
    }

    /** The same bytes, GET into S3 with the same SDK, {@link #IN_FLIGHT} assets at a time. */
    private static Duration rawCopy(ProviderStandIn provider, TestStorage storage, List<String> ids) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService copiers = Executors.newFixedThreadPool(IN_FLIGHT);
        long started = System.nanoTime();
        List<Future<?>> copies = new ArrayList<>();
        for (String track : ids) {
            for (String asset : List.of("audio", "cover")) {
                copies.add(copiers.submit(() -> {
                    HttpResponse<InputStream> response = http.send(
                            HttpRequest.newBuilder(URI.create(provider.link("/" + track + "/" + asset))).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    long length = response.headers().firstValueAsLong("Content-Length").orElseThrow();
                    try (InputStream body = response.body()) {
                        storage.client().putObject(request -> request.bucket(TestStorage.BUCKET).key("raw/" + track + "/" + asset),
                                RequestBody.fromInputStream(body, length));
                    }
                    return null;
                }));
            }
        }
        for (Future<?> copy : copies) {
            copy.get();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        copiers.shutdown();
        return took;
    }

    /** The archiver's heap in use, from its Prometheus endpoint every second; the largest value seen. */
    private static final class HeapSampler {

        private final URI metrics;
        private final AtomicLong peak = new AtomicLong();
        private final HttpClient http = HttpClient.newHttpClient();
        private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();

        HeapSampler(URI metrics) {
            this.metrics = metrics;
            // Once a second: a scrape costs the archiver CPU (a profile at 5 a second showed a fifth of its samples there).
            every.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
        }

        private void sample() {
            try {
                String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
                double used = 0;
                for (String line : body.split("\n")) {
                    Matcher sample = HEAP_USED.matcher(line);
                    if (sample.matches()) {
                        used += Double.parseDouble(sample.group(1));
                    }
                }
                peak.accumulateAndGet((long) used, Math::max);
            } catch (IOException e) {
                // the process is ending; the peak so far stands
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long stop() {
            every.shutdownNow();
            return peak.get();
        }
    }

    private static Duration cpuTimeOfThisJvm() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double perGiB(Duration cpu, long bytes) {
        return seconds(cpu) / (bytes / 1024.0 / 1024.0 / 1024.0);
    }

    private static double mibPerSecond(long bytes, Duration took) {
        return bytes / 1024.0 / 1024.0 / seconds(took);
    }

    private static double seconds(Duration took) {
        return took.toNanos() / 1e9;
    }

    private static long mib(long bytes) {
        return bytes / 1024 / 1024;
    }

    private static String machine() throws IOException {
        String cpu;
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }
}
