package io.novatune.ingestion.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.serde.EventSerializer;
import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.testsupport.kafka.ReceivedRecord;
import io.novatune.ingestion.TestEvents;
import io.novatune.ingestion.scheduling.DecisionLog;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark, not a test (Surefire does not run it): how many scheduling decisions per second the real
 * service makes, and with how much memory, when {@code track-added} holds N {@code TrackAdded} of which half
 * repeat an ISRC, first as new events, then as a replay of the whole topic. The service runs from its fat jar
 * as a child process against this JVM's embedded Kafka and PostgreSQL. Run it with
 * {@code deploy/bench/ingestion-replay/run.sh}.
 */
public final class IngestionReplayBenchmark {

    private static final String DATABASE = "ingestion_bench";
    private static final Path JAR = Path.of("target", "ingestion-scheduler.jar");
    private static final String CEILING_DATABASE = "ingestion_bench_ceiling";
    private static final String ISRC_PREFIX = "ZZBEN";
    /** spring.kafka.listener.concurrency of the service (application.yml). */
    private static final int SERVICE_CONSUMERS = 3;
    /** Only for memory and for knowing when a pass is done: a scrape costs the service CPU. */
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> jvmOptions = List.of(System.getProperty("bench.service.jvm", "-Xmx256m").split(" "));
        String loadBefore = loadAverage();

        String bootstrap = KafkaProbe.shared().bootstrapServers();
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        int distinct = produce(bootstrap, events);
        Map<String, String> environment = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "NOVATUNE_DATABASE_HOST", postgres.host(),
                "NOVATUNE_DATABASE_PORT", Integer.toString(postgres.port()),
                "NOVATUNE_DATABASE_NAME", DATABASE,
                "NOVATUNE_DATABASE_USERNAME", postgres.username(),
                "NOVATUNE_DATABASE_PASSWORD", postgres.password());

        Run first = run("first pass", events, distinct, jvmOptions, environment, Path.of("target", "bench-first-pass.log"));
        KafkaProbe.shared().rewind(IngestionIntegrationTest.GROUP, Topics.TRACK_ADDED);
        Run replay = run("replay", events, 0, jvmOptions, environment, Path.of("target", "bench-replay.log"));

        // The ceiling on a ledger of its own, with the service stopped: the same statement, nothing around it.
        LedgerCeiling ceiling = new LedgerCeiling(bootstrap, postgres, CEILING_DATABASE, SERVICE_CONSUMERS);
        double ceilingFirst = ceiling.run("bench-ceiling-first", events);
        String loadCeilingFirst = loadAverage();
        double ceilingReplay = ceiling.run("bench-ceiling-replay", events);
        String loadCeilingReplay = loadAverage();

        Map<String, Long> requestsByIsrc = KafkaProbe.shared().records(Topics.INGESTION_REQUESTED).stream()
                .collect(Collectors.groupingBy(ReceivedRecord::key, Collectors.counting()));
        long requests = requestsByIsrc.values().stream().mapToLong(Long::longValue).sum();
        long lost = IntStream.range(0, distinct).mapToObj(IngestionReplayBenchmark::isrc)
                .filter(isrc -> !requestsByIsrc.containsKey(isrc)).count();
        long duplicates = requests - requestsByIsrc.size();
        long unexpected = requestsByIsrc.keySet().stream().filter(isrc -> !isrc.startsWith(ISRC_PREFIX)).count();
        boolean exactlyOnce = lost == 0 && duplicates == 0 && unexpected == 0 && replay.published.get() == 0;
        String ledger = ledger(postgres);

        String table = String.join("\n",
                "| run | decisions | decisions/s | ceiling/s (raw consumers + the ledger statement) | ratio | requests published (all by) | heap used max (-Xmx) | RSS max | load 1 min after |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
                first.row(ceilingFirst, maxHeap(jvmOptions)),
                replay.row(ceilingReplay, maxHeap(jvmOptions)),
                String.format("| ceiling, first pass | %,d | %,.0f | | | | | | %s |", events, ceilingFirst, loadCeilingFirst),
                String.format("| ceiling, replay | %,d | %,.0f | | | | | | %s |", events, ceilingReplay, loadCeilingReplay));
        String report = String.join("\n",
                "machine: " + machine(),
                "load average before: " + loadBefore,
                "service JVM: " + String.join(" ", jvmOptions) + " (defaults otherwise), fat jar, " + SERVICE_CONSUMERS
                        + " consumer threads, logging INFO (one JSON line per decision)",
                "ceiling: " + SERVICE_CONSUMERS + " plain KafkaConsumers in one group (500 records per poll, as the service),"
                        + " IsrcLedger.claim once per poll over JDBC on a ledger of its own, commitSync; no publishing",
                "",
                table,
                "",
                String.format("exactly once per ISRC: %,d IngestionRequested for %,d ISRCs, %,d lost, %,d duplicates,"
                                + " %,d unexpected, %,d published by the replay -> %s",
                        requests, distinct, lost, duplicates, unexpected, replay.published.get(), exactlyOnce ? "OK" : "FAILED"),
                "ledger: " + ledger);
        System.out.println("\n=== ingestion-replay benchmark ===\n" + report);
        Files.writeString(Path.of("target", "bench-result.md"), report + "\n");
        System.exit(exactlyOnce ? 0 : 1);
    }

    private static String isrc(int number) {
        return String.format(ISRC_PREFIX + "%07d", number);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    }

    private static String maxHeap(List<String> jvmOptions) {
        return jvmOptions.stream().filter(option -> option.startsWith("-Xmx")).reduce((a, b) -> b)
                .map(option -> option.substring(4)).orElse("default");
    }

    /** N TrackAdded over N/2 ISRCs, each added by two users, shuffled; answers the number of ISRCs. */
    private static int produce(String bootstrap, int events) {
        int distinct = events / 2;
        List<TrackAdded> adds = new ArrayList<>(events);
        for (int i = 0; i < distinct; i++) {
            String isrc = isrc(i);
            adds.add(TestEvents.trackAdded("bench-track-" + i + "-a", "bench-user-" + (i % 997), isrc));
            adds.add(TestEvents.trackAdded("bench-track-" + i + "-b", "bench-user-" + ((i + 1) % 997), isrc));
        }
        Collections.shuffle(adds, new Random(42));
        EventSerializer serializer = new EventSerializer();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (TrackAdded add : adds) {
                producer.send(new ProducerRecord<>(Topics.TRACK_ADDED, add.getTrackId(),
                        serializer.serialize(Topics.TRACK_ADDED, add)));
            }
        }
        return distinct;
    }

    /** Starts the service, samples its metrics and memory until it decided every event and published every request. */
    private static Run run(String name, int events, int expectedRequests, List<String> jvmOptions,
                           Map<String, String> environment, Path log) throws Exception {
        int port = FreePort.pick();
        Map<String, String> withPort = new HashMap<>(environment);
        withPort.put("SERVER_PORT", Integer.toString(port));
        URI metrics = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
        HttpClient http = HttpClient.newHttpClient();
        List<String> options = new ArrayList<>(jvmOptions);
        String profiles = System.getProperty("bench.service.jfr");
        if (profiles != null && !profiles.isBlank()) {
            // One recording per pass (JDK 17 has no %p in the file name): target/<dir>/first-pass.jfr, replay.jfr.
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(profiles, name.replace(' ', '-') + ".jfr").toAbsolutePath());
        }
        try (ChildJvm service = ChildJvm.runJar(JAR, options, withPort, ChildOutput.file(log))) {
            service.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofSeconds(180));
            Run run = new Run(name, events, service.pid());
            await().atMost(Duration.ofMinutes(30)).pollInterval(SAMPLE_EVERY).until(() -> {
                run.sample(http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body());
                return run.decisions.get() >= events && run.published.get() >= expectedRequests;
            });
            run.loadAfter = loadAverage();
            run.timeFromLog(log);
            return run;
        }
    }

    private static String ledger(PostgresServer postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT count(*), sum(seen_count), count(*) FILTER (WHERE published_at IS NULL) FROM isrc_ledger")) {
            row.next();
            return row.getLong(1) + " ISRCs, seen " + row.getLong(2) + " times, " + row.getLong(3) + " unpublished";
        }
    }

    private static String machine() throws IOException {
        String cpu;
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        }
        String memory;
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memory = lines.filter(line -> line.startsWith("MemTotal")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").orElse("?");
        }
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + memory + " RAM, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
    }

    /** Samples of one service run: decisions and publications from its Prometheus counters, memory from the OS. */
    private static final class Run {
        final String name;
        final int events;
        final long pid;
        final AtomicLong decisions = new AtomicLong();
        final AtomicLong published = new AtomicLong();
        /** Timestamps of the first and the last decision's log line, and how many lines there are. */
        Instant firstDecisionAt;
        Instant lastDecisionAt;
        long decisionLines;
        Instant publishedAllAt = Instant.EPOCH;
        long maxHeapUsed;
        long maxRss;

        Run(String name, int events, long pid) {
            this.name = name;
            this.events = events;
            this.pid = pid;
        }

        void sample(String prometheus) throws IOException {
            Instant now = Instant.now();
            decisions.set(sum(prometheus, "ingestion_scheduled_total", null) + sum(prometheus, "ingestion_skipped_total", null));
            long sent = sum(prometheus, "ingestion_requests_published_total", null);
            if (sent > published.get()) {
                publishedAllAt = now;
            }
            published.set(sent);
            maxHeapUsed = Math.max(maxHeapUsed, sum(prometheus, "jvm_memory_used_bytes", "area=\"heap\""));
            maxRss = Math.max(maxRss, statusKb("VmRSS") * 1024);
        }

        String loadAfter;

        /**
         * The pass's time is that of its decisions, first to last, from the service's own log lines (one per
         * decision, with a timestamp to the microsecond): exact, and it costs the service nothing.
         */
        void timeFromLog(Path log) throws IOException {
            try (Stream<String> lines = Files.lines(log)) {
                lines.filter(line -> line.contains("\"event\":\"" + DecisionLog.SCHEDULED + "\"")
                                || line.contains("\"event\":\"" + DecisionLog.SKIPPED + "\""))
                        .forEach(line -> {
                            int start = line.indexOf("\"@timestamp\":\"") + 14;
                            Instant at = Instant.parse(line.substring(start, line.indexOf('"', start)));
                            firstDecisionAt = firstDecisionAt == null || at.isBefore(firstDecisionAt) ? at : firstDecisionAt;
                            lastDecisionAt = lastDecisionAt == null || at.isAfter(lastDecisionAt) ? at : lastDecisionAt;
                            decisionLines++;
                        });
            }
            if (decisionLines != events) {
                throw new IllegalStateException(name + ": " + decisionLines + " decision lines in " + log + ", expected " + events);
            }
        }

        double rate() {
            return (decisionLines - 1) / seconds(firstDecisionAt, lastDecisionAt);
        }

        private static double seconds(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e9;
        }

        String row(double ceiling, String maxHeap) {
            double publishSeconds = seconds(firstDecisionAt, publishedAllAt.isAfter(lastDecisionAt) ? publishedAllAt : lastDecisionAt);
            return String.format("| %s | %,d | %,.0f | %,.0f | %.2f | %,d (%.1f s) | %d MiB (%s) | %d MiB | %s |",
                    name, events, rate(), ceiling, rate() / ceiling, published.get(), publishSeconds,
                    maxHeapUsed / 1024 / 1024, maxHeap, maxRss / 1024 / 1024, loadAfter);
        }

        private long statusKb(String field) throws IOException {
            Path status = Path.of("/proc", Long.toString(pid), "status");
            if (!Files.exists(status)) {
                return 0;
            }
            try (Stream<String> lines = Files.lines(status)) {
                return lines.filter(line -> line.startsWith(field + ":")).findFirst()
                        .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
            }
        }

        /** Sum of a metric's samples (optionally only those with this label) in Prometheus text format. */
        private static long sum(String prometheus, String metric, String label) {
            return (long) prometheus.lines()
                    .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                    .filter(line -> label == null || line.contains(label))
                    .mapToDouble(line -> Double.parseDouble(
                            line.substring(Math.max(line.lastIndexOf('}'), metric.length()) + 1).trim().split(" ")[0]))
                    .sum();
        }
    }
}
