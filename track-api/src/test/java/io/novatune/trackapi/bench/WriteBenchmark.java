package io.novatune.trackapi.bench;

import io.novatune.events.Topics;
import io.novatune.trackapi.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.ObjectMapper;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Sustained {@code POST /api/v1/tracks}, each figure beside its ceiling measured in the same run:
 * <ol>
 *   <li>a warm-up (the JIT compiles the path; its events count in the zero-loss check);</li>
 *   <li>the raw transaction of a write over JDBC ({@link RawTransactions}): the database's limit;</li>
 *   <li>the maximum rate with the outbox and relay, and the same endpoint with the outbox append switched off
 *       ({@link OutboxSwitch}): the outbox's cost;</li>
 *   <li>a run paced at half the maximum rate: the latency from each 201 to its TrackAdded consumed from Kafka
 *       (through the outbox, WAL, Debezium and the broker).</li>
 * </ol>
 * Run by {@code deploy/bench/track-api/writes [clients] [seconds]}; the table is also written to
 * {@code track-api/target/bench-writes.md}.
 */
public final class WriteBenchmark {

    private static final String BODY = """
            {"title": "Bench track", "artist": "Bench artist", "isrc": "GBDUW9600012",
             "durationMs": 240000, "catalogRef": {"service": "spotify", "id": "x"}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final HttpClient http;
    private final List<String> tokens = new ArrayList<>();
    /** Track id → when its 201 arrived, for every write made with the outbox on. */
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<String, Long> consumedAt = new ConcurrentHashMap<>();

    private WriteBenchmark(int port, int clients) {
        uri = URI.create("http://localhost:" + port + "/api/v1/tracks");
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2)).build();
        for (int c = 0; c < clients; c++) {
            tokens.add(TestTokens.forUser("writer-" + c));
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String table;
        try (BenchmarkStack stack = new BenchmarkStack()) {
            WriteBenchmark bench = new WriteBenchmark(stack.port(), clients);
            String jdbcUrl = stack.postgres.jdbcUrl(BenchmarkStack.DATABASE);
            OutboxSwitch outbox = new OutboxSwitch(jdbcUrl, stack.postgres.username(), stack.postgres.password());
            Thread consumer = new Thread(() -> bench.consume(stack.kafka.bootstrapServers()), "track-added-consumer");
            consumer.setDaemon(true);
            consumer.start();

            bench.closedLoop(clients, 30, true);
            double loadBefore = loadAverage();
            double raw = RawTransactions.rate(jdbcUrl, stack.postgres.username(), stack.postgres.password(), clients, seconds);
            Map<String, Double> cpuBefore = CpuAccount.snapshot(stack.postgres.port());
            Run withOutbox = bench.closedLoop(clients, seconds, true);
            String cpu = CpuAccount.perOperation(cpuBefore, CpuAccount.snapshot(stack.postgres.port()), withOutbox.writes(), 12);
            outbox.appending(false);
            Run withoutOutbox = bench.closedLoop(clients, seconds, false);
            outbox.appending(true);
            double halfRate = withOutbox.rate() / 2;
            List<String> paced = bench.paced(halfRate, seconds);
            double loadAfter = loadAverage();

            bench.awaitConsumed(Duration.ofSeconds(60));
            consumer.interrupt();
            table = bench.table(clients, seconds, raw, withOutbox, withoutOutbox, halfRate, paced, loadBefore, loadAfter)
                    + "\nCPU of the run at the maximum rate with the outbox on:\n\n" + cpu;
        }
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-writes.md"), table);
        // Debezium's shared admin client of the offset store can outlive the closed engine's broker: do not wait for it.
        System.exit(0);
    }

    private record Run(long writes, double rate, Latencies http) {
    }

    /** {@code clients} back-to-back writers for {@code seconds}; each 201's track is awaited in Kafka when tracked. */
    private Run closedLoop(int clients, int seconds, boolean tracked) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = tokens.get(c);
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(request(token), HttpResponse.BodyHandlers.ofString());
                    latencies.add(answered(response, tracked) - sent);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        return new Run(all.size(), all.size() / (double) seconds, new Latencies("HTTP 201", all));
    }

    /** Writes sent at a fixed rate whatever the answers' pace (an open loop); returns the tracks written. */
    private List<String> paced(double rate, int seconds) throws Exception {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long count = (long) (rate * seconds);
        List<CompletableFuture<String>> writes = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            writes.add(http.sendAsync(request(tokens.get((int) (i % tokens.size()))), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> {
                        answered(response, true);
                        return trackId(response);
                    }));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<String> write : writes) {
            ids.add(write.get());
        }
        return ids;
    }

    private HttpRequest request(String token) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
    }

    private long answered(HttpResponse<String> response, boolean tracked) {
        long now = System.nanoTime();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        if (tracked) {
            answeredAt.put(trackId(response), now);
        }
        return now;
    }

    private static String trackId(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("id").asString();
    }

    private void consume(String bootstrap) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "write-benchmark",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRACK_ADDED));
            while (!Thread.currentThread().isInterrupted()) {
                consumer.poll(Duration.ofMillis(50)).forEach(record -> consumedAt.putIfAbsent(record.key(), System.nanoTime()));
            }
        } catch (org.apache.kafka.common.errors.InterruptException stopped) {
            // the benchmark is over
        }
    }

    private void awaitConsumed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!consumedAt.keySet().containsAll(answeredAt.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // a benchmark waiting for stragglers, not a test
        }
    }

    private String table(int clients, int seconds, double raw, Run withOutbox, Run withoutOutbox, double halfRate,
                         List<String> paced, double loadBefore, double loadAfter) {
        List<Long> endToEnd = new ArrayList<>();
        for (String id : paced) {
            Long consumed = consumedAt.get(id);
            if (consumed != null) {
                endToEnd.add(Math.max(0, consumed - answeredAt.get(id)));
            }
        }
        Latencies consumed = new Latencies("201 → consumed", endToEnd.isEmpty() ? List.of(0L) : endToEnd);
        long lost = answeredAt.keySet().stream().filter(id -> !consumedAt.containsKey(id)).count();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d clients, %d s per run, 1-minute load average %.2f before and %.2f after the runs%n%n",
                clients, seconds, loadBefore, loadAfter));
        out.append("| measure | figure | ceiling (same run) | ratio | goal |\n|---|---|---|---|---|\n");
        out.append(String.format("| POST/s, outbox + relay | %.0f | raw transaction over JDBC: %.0f tx/s | %.2f | ≥ 1,000 POST/s |%n",
                withOutbox.rate(), raw, withOutbox.rate() / raw));
        out.append(String.format("| outbox's cost | %.0f POST/s | outbox append off: %.0f POST/s | %.2f | ≥ 0.80 |%n",
                withOutbox.rate(), withoutOutbox.rate(), withOutbox.rate() / withoutOutbox.rate()));
        out.append(String.format("| HTTP 201 p50 / p99, outbox on (max rate) | %.1f / %.1f ms | outbox off: %.1f / %.1f ms | | |%n",
                withOutbox.http().percentileMillis(50), withOutbox.http().percentileMillis(99),
                withoutOutbox.http().percentileMillis(50), withoutOutbox.http().percentileMillis(99)));
        out.append(String.format("| 201 → TrackAdded consumed p50 / p99 at %.0f POST/s (half the maximum) | %.1f / %.1f ms | | | p99 ≤ 100 ms |%n",
                halfRate, consumed.percentileMillis(50), consumed.percentileMillis(99)));
        out.append(String.format("| events lost (every write with the outbox on, warm-up included) | %d of %d | | | 0 |%n",
                lost, answeredAt.size()));
        return out.toString();
    }

    private static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
