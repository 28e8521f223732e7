package io.novatune.trackapi.bench;

import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import io.novatune.events.Topics;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.infra.FreePort;
import io.novatune.infra.KafkaOptions;
import io.novatune.infra.KafkaServer;
import io.novatune.infra.PostgresOptions;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Options;
import io.novatune.infra.S3Server;
import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.TrackApiProcess;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.ObjectMapper;

/**
 * The fault suite of the write path: clients keep adding tracks while track-api is SIGKILLed, while the Kafka broker
 * stops and comes back, and while PostgreSQL stops and comes back. Afterwards every write that was acknowledged
 * (201) must have its {@code TrackAdded} on {@code track-added}; duplicates are allowed (consumers' inboxes drop
 * them) and counted, losses are not. Prints one Markdown row per fault. Run by {@code deploy/bench/faults/run.sh}.
 */
public final class FaultSuite {

    private static final String DATABASE = "tracks_faults";
    private static final Duration DOWN_TIME = Duration.ofSeconds(10);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private final Path data;
    private final int postgresPort = FreePort.pick();
    private final int kafkaPort = FreePort.pick();
    private PostgresServer postgres;
    private KafkaServer kafka;
    private S3Server s3;
    private volatile TrackApiProcess trackApi;
    private final ObjectMapper json = new ObjectMapper();

    private FaultSuite(Path data) {
        this.data = data;
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path data = Files.createTempDirectory("novatune-faults-");
        FaultSuite suite = new FaultSuite(data);
        List<String> rows = new ArrayList<>();
        try {
            suite.startStack();
            rows.add(suite.run("track-api SIGKILLed", clients, writes, suite::killTrackApi));
            rows.add(suite.run("Kafka broker stopped for " + DOWN_TIME.toSeconds() + " s", clients, writes / 2, suite::bounceKafka));
            rows.add(suite.run("PostgreSQL stopped for " + DOWN_TIME.toSeconds() + " s", clients, writes / 2, suite::bouncePostgres));
        } finally {
            suite.stopStack();
            deleteRecursively(data);
        }
        System.out.printf("%nload average at the end (1, 5, 15 min): %s; processors: %d%n",
                Files.readString(Path.of("/proc/loadavg")).trim(), Runtime.getRuntime().availableProcessors());
        System.out.println("| fault | clients | writes acknowledged | refused or unanswered during the fault | events missing | duplicate events | all arrived after |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private void startStack() {
        postgres = PostgresServer.start(new PostgresOptions(data.resolve("postgres"), postgresPort, true));
        postgres.ensureDatabase(DATABASE);
        startKafka();
        s3 = S3Server.start(S3Options.forTests());
        List<String> topics = new ArrayList<>(Topics.all());
        Topics.all().forEach(topic -> topics.add(Topics.deadLetter(topic)));
        kafka.createTopics(topics, 3);
        trackApi = startTrackApi();
    }

    private void startKafka() {
        kafka = KafkaServer.start(new KafkaOptions(data.resolve("kafka"), kafkaPort));
    }

    private TrackApiProcess startTrackApi() {
        TrackApiProcess process = TrackApiProcess.start(List.of("-Xmx384m"), Map.ofEntries(
                Map.entry("novatune.database.host", postgres.host()),
                Map.entry("novatune.database.port", Integer.toString(postgres.port())),
                Map.entry("novatune.database.name", DATABASE),
                Map.entry("novatune.database.username", postgres.username()),
                Map.entry("novatune.database.password", postgres.password()),
                Map.entry("novatune.relay.slot-name", DATABASE),
                Map.entry("novatune.relay.offset-topic", DATABASE + "-relay-offsets"),
                Map.entry("spring.kafka.bootstrap-servers", "127.0.0.1:" + kafkaPort),
                Map.entry("novatune.security.jwt.secret", TrackApiIntegrationTest.JWT_SECRET),
                Map.entry("novatune.s3.endpoint", s3.endpoint().toString()),
                Map.entry("novatune.s3.access-key", s3.accessKey()),
                Map.entry("novatune.s3.secret-key", s3.secretKey()),
                Map.entry("novatune.s3.region", s3.region()),
                Map.entry("novatune.s3.bucket", "tracks-faults"),
                Map.entry("novatune.s3.create-bucket", "true"),
                Map.entry("novatune.rate-limits.enabled", "false")));
        process.awaitReady(Duration.ofMinutes(3));
        return process;
    }

    private void stopStack() {
        if (trackApi != null) {
            trackApi.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    private void killTrackApi(int acknowledged) {
        trackApi.crash();
        System.out.printf("[faults] track-api SIGKILLed after %d acknowledged writes%n", acknowledged);
        trackApi = startTrackApi();
        System.out.println("[faults] track-api started again");
    }

    private void bounceKafka(int acknowledged) {
        kafka.close();
        System.out.printf("[faults] Kafka stopped after %d acknowledged writes%n", acknowledged);
        pause(DOWN_TIME);
        startKafka();
        System.out.println("[faults] Kafka started again");
    }

    private void bouncePostgres(int acknowledged) {
        postgres.close();
        System.out.printf("[faults] PostgreSQL stopped after %d acknowledged writes%n", acknowledged);
        pause(DOWN_TIME);
        postgres = PostgresServer.start(new PostgresOptions(data.resolve("postgres"), postgresPort, true));
        System.out.println("[faults] PostgreSQL started again");
    }

    /**
     * {@code clients} writers add tracks until {@code writes} are acknowledged; when a third are, {@code fault} runs
     * (on its own thread, while the writers go on and retry what fails). Then waits for every acknowledged track's
     * event and answers the table row.
     */
    private String run(String name, int clients, int writes, IntConsumer fault) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean faultStarted = new AtomicBoolean();
        String runId = Long.toString(System.nanoTime(), 36);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        List<Future<?>> workers = new ArrayList<>();
        List<Future<?>> faults = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String token = TestTokens.forUser("fault-writer-" + c);
            workers.add(pool.submit(() -> {
                while (acknowledged.size() < writes) {
                    String id = write(http, token, runId);
                    if (id == null) {
                        failed.incrementAndGet();
                        pause(Duration.ofMillis(200));
                        continue;
                    }
                    acknowledged.add(id);
                    if (acknowledged.size() >= writes / 3 && faultStarted.compareAndSet(false, true)) {
                        faults.add(pool.submit(() -> fault.accept(acknowledged.size())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        for (Future<?> done : List.copyOf(faults)) {
            done.get();
        }
        pool.shutdown();

        long started = System.nanoTime();
        Map<String, Integer> seen = awaitEvents(acknowledged);
        long missing = acknowledged.stream().filter(id -> !seen.containsKey(id)).count();
        long duplicates = acknowledged.stream().mapToLong(id -> Math.max(0, seen.getOrDefault(id, 0) - 1)).sum();
        String caughtUp = missing == 0 ? String.format("%.1f s", (System.nanoTime() - started) / 1e9) : "never (" + CATCH_UP + ")";
        System.out.printf("[faults] %s: %d acknowledged, %d missing, %d duplicates%n", name, acknowledged.size(), missing, duplicates);
        return String.format("| %s | %d | %d | %d | %d | %d | %s |", name, clients, acknowledged.size(), failed.get(),
                missing, duplicates, caughtUp);
    }

    /** The new track's id on a 201; null when track-api refused, failed or could not be reached. */
    private String write(HttpClient http, String token, String runId) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(trackApi.uri("/api/v1/tracks"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"title": "Fault %s", "artist": "Fault artist", "durationMs": 240000,
                             "catalogRef": {"service": "spotify", "id": "x"}}
                            """.formatted(runId))).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? json.readTree(response.body()).get("id").asText() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How often each acknowledged track's TrackAdded was seen on the topic, read from the start, until all are there or CATCH_UP passes. */
    private Map<String, Integer> awaitEvents(Set<String> acknowledged) {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-suite-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(Topics.TRACK_ADDED));
            long deadline = System.nanoTime() + CATCH_UP.toNanos();
            while (System.nanoTime() < deadline && !seen.keySet().containsAll(acknowledged)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (acknowledged.contains(record.key())) {
                        seen.merge(record.key(), 1, Integer::sum);
                    }
                });
            }
            // Duplicates that arrive just after the last original: read on briefly so that they are counted.
            long drain = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < drain) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (acknowledged.contains(record.key())) {
                        seen.merge(record.key(), 1, Integer::sum);
                    }
                });
            }
        }
        return seen;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The fault's own duration (a broker or database that is down), or a writer's back-off; not a wait for a result. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
