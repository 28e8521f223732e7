package io.novatune.trackapi.bench;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.novatune.events.Topics;
import io.novatune.trackapi.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Sustained {@code POST /api/v1/tracks}, each figure beside its ceiling measured in the same run:
 * <ol>
 *   <li>the raw transaction of a write over JDBC ({@link RawTransactions}): the database's limit;</li>
 *   <li>a warm-up until the JIT has compiled the path ({@link #warmUp}; its events count in the zero-loss check);</li>
 *   <li>the maximum rate with the outbox and relay, and the same endpoint with the outbox append switched off
 *       ({@link OutboxSwitch}): the outbox's cost;</li>
 *   <li>the same request answered without the database ({@link HttpCeilingController}): the HTTP side's limit;</li>
 *   <li>a run paced at half the maximum rate: the latency from each 201 to its TrackAdded consumed from Kafka
 *       (through the outbox, WAL, Debezium and the broker).</li>
 * </ol>
 * The CPU per write of the maximum-rate runs, by thread group ({@link CpuAccount}), shows where each one's time
 * went. Run by {@code deploy/bench/track-api/writes [clients] [seconds]}; the table is also written to
 * {@code track-api/target/bench-writes.md}.
 */
public final class WriteBenchmark {

    private static final String BODY = """
            {"title": "Bench track", "artist": "Bench artist", "isrc": "GBDUW9600012",
             "durationMs": 240000, "catalogRef": {"service": "spotify", "id": "x"}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final URI ceilingUri;
    /** On its own event loop, so that the CPU table tells the load's cost from the server's. */
    private final HttpClient http;
    private final List<String> tokens = new ArrayList<>();
    /** Track id → when its 201 arrived, for every write made with the outbox on. */
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<String, Long> consumedAt = new ConcurrentHashMap<>();

    private WriteBenchmark(int port, int clients) {
        uri = URI.create("http://localhost:" + port + "/api/v1/tracks");
        ceilingUri = URI.create("http://localhost:" + port + HttpCeilingController.PATH);
        http = HttpClient.create(ConnectionProvider.builder("bench-writers")
                        // The open loop may have more writes in flight than the closed loops' clients.
                        .maxConnections(4 * clients).pendingAcquireMaxCount(-1).build())
                .runOn(LoopResources.create("bench-client", 1, true))
                .headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
        for (int c = 0; c < clients; c++) {
            tokens.add(TestTokens.forUser("writer-" + c));
        }
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String table;
        // Further arguments go to track-api, for trials: e.g. --management.observations.enable.spring.security=false
        List<String> appArguments = new ArrayList<>(List.of(args).subList(Math.min(2, args.length), args.length));
        appArguments.add("--novatune.bench.http-ceiling=true");
        try (BenchmarkStack stack = new BenchmarkStack(appArguments.toArray(String[]::new))) {
            WriteBenchmark bench = new WriteBenchmark(stack.port(), clients);
            String jdbcUrl = stack.postgres.jdbcUrl(BenchmarkStack.DATABASE);
            OutboxSwitch outbox = new OutboxSwitch(jdbcUrl, stack.postgres.username(), stack.postgres.password());
            Thread consumer = new Thread(() -> bench.consume(stack.kafka.bootstrapServers()), "track-added-consumer");
            consumer.setDaemon(true);
            consumer.start();

            // The raw transaction (its first 10 s warm its own path) before the warm-up: run after it, its JDBC code
            // made the JIT recompile shared code of the HTTP path.
            RawTransactions.rate(jdbcUrl, stack.postgres.username(), stack.postgres.password(), clients, 10);
            double raw = RawTransactions.rate(jdbcUrl, stack.postgres.username(), stack.postgres.password(), clients, seconds);
            String warmUp = bench.warmUp(clients, stack.postgres.port());
            double loadBefore = loadAverage();
            Map<String, Double> cpuBefore = CpuAccount.snapshot(stack.postgres.port());
            Run withOutbox = bench.closedLoop(bench.uri, clients, seconds, true);
            Map<String, Double> cpuBetween = CpuAccount.snapshot(stack.postgres.port());
            outbox.appending(false);
            Run withoutOutbox = bench.closedLoop(bench.uri, clients, seconds, false);
            Map<String, Double> cpuAfter = CpuAccount.snapshot(stack.postgres.port());
            Map<String, Double> cpuWithOutbox = CpuAccount.perOperation(cpuBefore, cpuBetween, withOutbox.writes());
            Map<String, Double> cpuWithoutOutbox = CpuAccount.perOperation(cpuBetween, cpuAfter, withoutOutbox.writes());
            outbox.appending(true);
            Run httpOnly = bench.closedLoop(bench.ceilingUri, clients, seconds, false);
            Map<String, Double> cpuHttpOnly = CpuAccount.perOperation(cpuAfter,
                    CpuAccount.snapshot(stack.postgres.port()), httpOnly.writes());
            double halfRate = withOutbox.rate() / 2;
            List<String> paced = bench.paced(halfRate, seconds);
            double loadAfter = loadAverage();

            bench.awaitConsumed(Duration.ofSeconds(60));
            consumer.interrupt();
            table = warmUp + "\n\n" + bench.table(clients, seconds, raw, withOutbox, withoutOutbox, httpOnly, halfRate,
                    paced, loadBefore, loadAfter)
                    + "\nCPU of the runs at the maximum rate, by thread group:\n\n"
                    + CpuAccount.table("outbox on", cpuWithOutbox, "outbox off", cpuWithoutOutbox, 16)
                    + "\nThe HTTP side alone (" + HttpCeilingController.PATH + ": no database, outbox or log line):\n\n"
                    + CpuAccount.table("HTTP only", cpuHttpOnly, "outbox off", cpuWithoutOutbox, 10);
        }
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-writes.md"), table);
        // Debezium's shared admin client of the offset store can outlive the closed engine's broker: do not wait for it.
        System.exit(0);
    }

    private record Run(long writes, double rate, Latencies http) {
    }

    /**
     * Writes in 10-second slices until the JIT's compiler threads use under 5 % of the CPU of a slice (at most
     * 7 minutes): with the two cores busy serving, the compiler threads drain their queue of a large application
     * (here also Kafka's broker and Debezium) for minutes, and until then the code runs interpreted or
     * half-compiled — three times the CPU per write. A sustained rate is the rate after that. Returns how long it
     * took, and the JIT's share of the last slice.
     */
    private String warmUp(int clients, int postgresPort) {
        long start = System.nanoTime();
        double jitShare;
        do {
            Map<String, Double> before = CpuAccount.snapshot(postgresPort);
            Run slice = closedLoop(uri, clients, 10, true);
            jitShare = CpuAccount.share(CpuAccount.perOperation(before, CpuAccount.snapshot(postgresPort), slice.writes()),
                    CpuAccount.JIT);
        } while (jitShare >= 0.05 && System.nanoTime() - start < Duration.ofMinutes(7).toNanos());
        return String.format("warm-up %.0f s, the JIT's share of the CPU in its last 10 s %.1f %%",
                (System.nanoTime() - start) / 1e9, jitShare * 100);
    }

    /** {@code clients} back-to-back writers for {@code seconds}; each 201's track is awaited in Kafka when tracked. */
    private Run closedLoop(URI target, int clients, int seconds, boolean tracked) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Long> all = Flux.fromIterable(tokens)
                .flatMap(token -> Mono.defer(() -> {
                    long sent = System.nanoTime();
                    return post(target, token).map(answer -> {
                        answered(answer, tracked);
                        return answer.receivedAt() - sent;
                    });
                }).repeat(() -> System.nanoTime() < end), clients)
                .collectList().block();
        return new Run(all.size(), all.size() / (double) seconds, new Latencies("HTTP 201", all));
    }

    /** Writes sent at a fixed rate whatever the answers' pace (an open loop); returns the tracks written. */
    private List<String> paced(double rate, int seconds) {
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
            writes.add(post(uri, tokens.get((int) (i % tokens.size()))).map(answer -> answered(answer, true)).toFuture());
        }
        return writes.stream().map(CompletableFuture::join).toList();
    }

    private record Answer(int status, String body, long receivedAt) {
    }

    private Mono<Answer> post(URI target, String token) {
        return http.headers(headers -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token))
                .post().uri(target)
                .send(ByteBufFlux.fromString(Mono.just(BODY)))
                .responseSingle((response, body) -> body.asString()
                        .map(text -> new Answer(response.status().code(), text, System.nanoTime())));
    }

    /**
     * The answer's track id, noted with its time when tracked. Every run reads it, so that runs differ only in what
     * the service does.
     */
    private String answered(Answer answer, boolean tracked) {
        if (answer.status() != 201) {
            throw new IllegalStateException("POST answered " + answer.status() + ": " + answer.body());
        }
        String id = JSON.readTree(answer.body()).get("id").asString();
        if (tracked) {
            answeredAt.put(id, answer.receivedAt());
        }
        return id;
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

    private String table(int clients, int seconds, double raw, Run withOutbox, Run withoutOutbox, Run httpOnly,
                         double halfRate, List<String> paced, double loadBefore, double loadAfter) {
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
        out.append(String.format("| POST/s against the HTTP side's limit | %.0f POST/s "
                        + "| the HTTP side alone (same request and 201, no database): %.0f POST/s | %.2f | |%n",
                withOutbox.rate(), httpOnly.rate(), withOutbox.rate() / httpOnly.rate()));
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
