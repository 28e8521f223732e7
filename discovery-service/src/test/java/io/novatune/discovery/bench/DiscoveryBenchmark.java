package io.novatune.discovery.bench;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.novatune.discovery.DiscoveryServiceApplication;
import io.novatune.discovery.statistics.StatisticsStore;
import io.novatune.infra.ChildJvm;
import io.novatune.infra.ChildOutput;
import io.novatune.infra.FreePort;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark, not a test (Surefire does not run it): discovery-service as a child JVM (-Xmx256m unless
 * {@code bench.service.heap} says otherwise) on this JVM's embedded PostgreSQL and Kafka, one user with 100,000
 * catalog tracks found 125,000 times in 5,000 mixes over 90 days (a quarter of them in a second mix) and 10,000
 * want-list entries, seeded with SQL. It measures
 * <ul>
 *     <li>statistics (each period) and trends, cold — after a want-list change dropped the user's cached figures, the
 *     same eviction a new discovery makes — and warm (from the 15-minute cache), p50 and p99; the ceiling is the
 *     service's own SQL ({@link StatisticsStore}'s statements) run over JDBC with the same parallelism (one connection
 *     per statement, as the service's Mono.zip does), the floor of what the database can do;</li>
 *     <li>the catalog export of 100,000 rows in csv, json and txt: time, rows/s, and the service's peak heap sampled
 *     from its Prometheus endpoint, beside the same for a user of 10,000 rows (constant memory: the same peak); the
 *     ceiling is a raw JDBC read of the same rows (the export's query, 500 a fetch) written as text to a null stream.</li>
 * </ul>
 * Prints a Markdown table. Run it with {@code deploy/bench/discovery/run.sh}.
 */
public final class DiscoveryBenchmark {

    private static final String DATABASE = "discovery_bench";
    private static final String USER = "bench-dj";
    private static final String SMALL_USER = "bench-dj-small";
    private static final String JWT_SECRET = "discovery-bench-secret-discovery-bench-secret-0123456789abcdef";
    private static final Duration TREND_WINDOW = Duration.ofDays(30);
    private static final Duration RATE_WINDOW = Duration.ofDays(7 * 12);
    private static final long GOAL_MS = 300;
    private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z]+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String token;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;

    private DiscoveryBenchmark(URI base, PostgresServer postgres) {
        this.base = base;
        this.token = tokenFor(USER);
        this.jdbcUrl = postgres.jdbcUrl(DATABASE);
        this.dbUser = postgres.username();
        this.dbPassword = postgres.password();
    }

    public static void main(String[] args) throws Exception {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int wantListEntries = Math.min(10_000, tracks / 10);
        String heap = System.getProperty("bench.service.heap", "256m");
        LoadSampler load = new LoadSampler();

        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(DATABASE);
        KafkaProbe kafka = KafkaProbe.shared();
        int port = FreePort.pick();
        Path log = Files.createDirectories(Path.of("target")).resolve("discovery-bench-service.log");
        List<String> arguments = List.of(
                "--server.port=" + port,
                "--novatune.database.host=" + postgres.host(),
                "--novatune.database.port=" + postgres.port(),
                "--novatune.database.name=" + DATABASE,
                "--novatune.database.username=" + postgres.username(),
                "--novatune.database.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.kafka.consumer.group-id=discovery-bench-" + System.nanoTime(),
                "--novatune.security.jwt.secret=" + JWT_SECRET,
                "--novatune.rate-limits.enabled=false",
                // Nothing is identified here; the external databases are never asked.
                "--novatune.discovery.musicbrainz.base-url=http://127.0.0.1:9/ws/2",
                "--novatune.discovery.discogs.base-url=http://127.0.0.1:9",
                "--logging.level.io.novatune=WARN");
        // As deployed: both JIT tiers, the heap limit of a small container.
        try (ChildJvm service = ChildJvm.runMain(DiscoveryServiceApplication.class,
                List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), arguments, ChildOutput.file(log))) {
            URI base = URI.create("http://127.0.0.1:" + port);
            service.awaitHttpOk(base.resolve("/actuator/health/readiness"), Duration.ofMinutes(3));
            DiscoveryBenchmark bench = new DiscoveryBenchmark(base, postgres);
            long seeding = System.nanoTime();
            bench.seed(USER, "a", tracks, wantListEntries - 1);
            bench.seed(SMALL_USER, "b", tracks / 10, 0);
            bench.analyze();
            String wantListEntry = bench.addToWantList("ct-a-" + pad(3));
            System.out.printf(Locale.ROOT, "seeded in %.0f s; service pid %d, log %s%n",
                    (System.nanoTime() - seeding) / 1e9, service.pid(), log);

            List<String> kinds = List.of("daily", "weekly", "monthly", "all-time", "trends");
            if (Boolean.getBoolean("bench.explain")) {
                bench.explain(kinds);
                System.out.println("plans in target/bench-explain.txt");
            }
            load.start();
            List<String> rows = new ArrayList<>();
            rows.add("| measure | p50 | p99 | goal | ceiling in this run: p50 / p99 | ratio p99 / ceiling p99 |");
            rows.add("| --- | ---: | ---: | --- | ---: | ---: |");
            Samples floor = bench.httpFloor(samples);
            Map<String, Samples> cold = new LinkedHashMap<>();
            Map<String, Samples> warm = new LinkedHashMap<>();
            Map<String, Samples> jdbc = new LinkedHashMap<>();
            for (String kind : kinds) {
                String path = kind.equals("trends") ? "/api/v1/discovery/trends"
                        : "/api/v1/discovery/statistics?period=" + kind;
                // JIT and connection pool warm-up, not counted.
                bench.cold(path, wantListEntry, 10);
                cold.put(kind, bench.cold(path, wantListEntry, samples));
                warm.put(kind, bench.warm(path, samples * 3));
                jdbc.put(kind, bench.jdbc(kind, samples));
                System.out.printf(Locale.ROOT, "%s: cold p99 %.1f ms, warm p99 %.1f ms, JDBC p99 %.1f ms (load %s)%n", kind,
                        cold.get(kind).p(99), warm.get(kind).p(99), jdbc.get(kind).p(99),
                        Files.readString(Path.of("/proc/loadavg")).trim());
            }
            for (String kind : kinds) {
                String what = kind.equals("trends") ? "trends" : "statistics " + kind;
                rows.add(row(what + ", cold (after the user's figures were dropped)", cold.get(kind), jdbc.get(kind),
                        "same SQL over JDBC"));
            }
            for (String kind : kinds) {
                String what = kind.equals("trends") ? "trends" : "statistics " + kind;
                rows.add(row(what + ", warm (cached)", warm.get(kind), floor, "GET /actuator/info"));
            }

            List<String> exports = new ArrayList<>();
            exports.add("| export | rows | time (median of 3) | rows/s | service peak heap used | goal | raw JDBC read to a null stream | ratio time / raw |");
            exports.add("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
            HeapSampler heapSampler = bench.new HeapSampler(base.resolve("/actuator/prometheus"));
            long idleHeap = heapSampler.now();
            for (String user : List.of(SMALL_USER, USER)) {
                Export raw = bench.rawExport(user);
                for (String format : List.of("csv", "json", "txt")) {
                    List<Export> runs = new ArrayList<>();
                    for (int run = 0; run < 3; run++) {
                        heapSampler.reset();
                        Export export = bench.export(user, format);
                        runs.add(export.withPeak(heapSampler.peak()));
                    }
                    runs.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
                    Export median = runs.get(1);
                    long peak = runs.stream().mapToLong(Export::peakHeap).max().orElse(0);
                    System.out.printf(Locale.ROOT, "export %s %s: %.2f s%n", user, format, median.nanos() / 1e9);
                    exports.add(String.format(Locale.ROOT,
                            "| catalog %s | %,d | %.2f s | %,.0f | %d MiB | constant memory (-Xmx%s) | %.2f s | %.2f |",
                            format, median.rows(), median.nanos() / 1e9, median.rows() / (median.nanos() / 1e9),
                            peak / 1024 / 1024, heap, raw.nanos() / 1e9, median.nanos() / (double) raw.nanos()));
                }
            }
            heapSampler.stop();
            load.stop();

            String report = String.join("\n",
                    "machine: " + machine(),
                    "load average (1 min) during the measurements: " + load.summary(),
                    String.format(Locale.ROOT, "data: user %s with %,d catalog tracks, %,d discovery records in %,d mixes over 90 days"
                                    + " (a quarter of the tracks found in a second mix), %,d want-list entries; user %s with %,d catalog tracks",
                            USER, tracks, tracks + tracks / 4, (tracks + tracks / 4) / 25, wantListEntries, SMALL_USER, tracks / 10),
                    String.format(Locale.ROOT, "service: child JVM -Xmx%s, embedded PostgreSQL and Kafka in the benchmark JVM;"
                            + " %d samples cold, %d warm, each request alone (no concurrency)", heap, samples, samples * 3),
                    "service heap used when idle before the exports: " + idleHeap / 1024 / 1024 + " MiB",
                    "",
                    String.join("\n", rows),
                    "",
                    String.join("\n", exports));
            System.out.println("\n=== discovery-service benchmark ===\n" + report);
            Files.writeString(Path.of("target", "bench-result.md"), report + "\n");
            if (!service.isAlive()) {
                System.out.println("the service exited during the run, see " + log);
            }
        }
        System.exit(0);
    }

    private static String row(String what, Samples samples, Samples ceiling, String ceilingName) {
        double p99 = samples.p(99);
        return String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | p99 ≤ %d ms: %s | %s %.1f / %.1f ms | %.2f |", what,
                samples.p(50), p99, GOAL_MS, p99 <= GOAL_MS ? "met" : "**missed**", ceilingName, ceiling.p(50),
                ceiling.p(99), p99 / ceiling.p(99));
    }

    // ---- seeding ----

    /**
     * {@code tracks} catalog tracks of the user, found {@code tracks × 1.25} times in mixes of 25 entries each
     * (every fifth discovery is of a track found before, so a quarter are in two mixes or more), 3 % of them added by
     * hand; mixes spread over the last 90 days, sources MIX, RADIO, LIVE, OTHER or none; 40 genres, 3,000 labels and
     * 20,000 artists, each skewed (a few are common); then the catalog summary as identification keeps it, and the
     * want-list entries (every tenth track; 70 % wanted, 25 % purchased, 5 % unavailable).
     */
    private void seed(String user, String tag, int tracks, int wantList) throws SQLException {
        int records = tracks + tracks / 4;
        int mixes = Math.max(1, records / 25);
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("SELECT setseed(0.42)");
            sql.execute("DROP TABLE IF EXISTS bench_mixes");
            sql.execute("CREATE TEMP TABLE bench_mixes AS SELECT k, now() - interval '3 hours' - interval '90 days' * random() AS at,"
                    + " (ARRAY['MIX','MIX','MIX','RADIO','RADIO','LIVE','OTHER',NULL])[1 + floor(random() * 8)::int] AS source_type"
                    + " FROM generate_series(1, " + mixes + ") k");
            sql.execute("INSERT INTO tracklists (id, user_id, title, dj_name, played_at, source_type, format, created_at, updated_at)"
                    + " SELECT 'tl-" + tag + "-' || lpad(k::text, 8, '0'), '" + user + "', 'Mix ' || k, 'DJ ' || (k % 250),"
                    + " at, source_type, 'TEXT', at, at FROM bench_mixes");
            String versions = "(ARRAY['Original Mix','Original Mix','Extended Mix','Radio Edit','Dub','Club Mix'])";
            sql.execute("INSERT INTO catalog_tracks (id, user_id, artist, title, version, label, catalog_number, genre, isrc,"
                    + " musicbrainz_id, artist_key, title_key, version_key, created_at, updated_at)"
                    + " SELECT 'ct-" + tag + "-' || lpad(i::text, 8, '0'), '" + user + "', 'Artist ' || a, 'Title ' || i, v,"
                    + " CASE WHEN random() < 0.9 THEN 'Label ' || floor(3000 * power(random(), 2))::int END,"
                    + " 'CAT' || (i % 997), CASE WHEN random() < 0.95 THEN 'Genre ' || floor(40 * power(random(), 2))::int END,"
                    + " CASE WHEN random() < 0.6 THEN 'GBBEN' || lpad(i::text, 7, '0') END,"
                    + " CASE WHEN random() < 0.5 THEN md5('" + tag + "' || i) END,"
                    + " 'artist ' || a, 'title ' || i, COALESCE(lower(v), ''), now(), now()"
                    + " FROM (SELECT i, floor(20000 * power(random(), 1.5))::int AS a,"
                    + " CASE WHEN random() < 0.6 THEN " + versions + "[1 + floor(random() * 6)::int] END AS v"
                    + " FROM generate_series(1, " + tracks + ") i) s");
            // Record r: mix 1 + (r-1)/25 at position 1 + (r-1)%25; every fifth one a track found before.
            sql.execute("INSERT INTO discovery_records (id, user_id, catalog_track_id, tracklist_id, position, confidence,"
                    + " distance, method, sources, created_at)"
                    + " SELECT 'dr-" + tag + "-' || lpad(r::text, 9, '0'), '" + user + "',"
                    + " 'ct-" + tag + "-' || lpad((CASE WHEN r % 5 = 0 THEN 1 + (r::bigint * 2654435761) % (r - r / 5)"
                    + " ELSE r - r / 5 END)::text, 8, '0'),"
                    + " CASE WHEN manual THEN NULL ELSE 'tl-" + tag + "-' || lpad(k::text, 8, '0') END,"
                    + " CASE WHEN manual THEN NULL ELSE position END,"
                    + " (ARRAY['STRONG','STRONG','MEDIUM','PROVISIONAL'])[1 + floor(random() * 4)::int], random() * 0.3,"
                    + " CASE WHEN manual THEN 'manual' WHEN random() < 0.6 THEN 'api' ELSE 'local' END, 'musicbrainz',"
                    + " CASE WHEN manual THEN now() - interval '1 hour' - interval '90 days' * random()"
                    + " ELSE m.at + position * interval '4 minutes' END"
                    + " FROM (SELECT r, 1 + (r - 1) / 25 AS k, 1 + (r - 1) % 25 AS position, random() < 0.03 AS manual"
                    + " FROM generate_series(1, " + records + ") r) g JOIN bench_mixes m USING (k)");
            sql.execute("UPDATE catalog_tracks t SET discovery_count = s.mixes, first_discovered_at = s.first_at,"
                    + " last_seen_at = s.last_at, confidence = s.confidence, method = s.method"
                    + " FROM (SELECT catalog_track_id, count(DISTINCT tracklist_id) AS mixes, min(created_at) AS first_at,"
                    + " max(created_at) AS last_at, (array_agg(confidence ORDER BY id DESC))[1] AS confidence,"
                    + " (array_agg(method ORDER BY id DESC))[1] AS method FROM discovery_records"
                    + " WHERE user_id = '" + user + "' GROUP BY catalog_track_id) s WHERE s.catalog_track_id = t.id");
            if (wantList > 0) {
                sql.execute("INSERT INTO want_list_entries (id, user_id, catalog_track_id, priority, notes, status,"
                        + " purchase_date, purchased_at, added_at, updated_at)"
                        + " SELECT 'wl-" + tag + "-' || lpad(n::text, 8, '0'), '" + user + "', 'ct-" + tag + "-' || lpad((n * 10)::text, 8, '0'),"
                        + " 1 + n % 5, CASE WHEN n % 7 = 0 THEN 'heard at ' || n END,"
                        + " CASE WHEN n % 20 < 5 THEN 'purchased' WHEN n % 20 = 5 THEN 'unavailable' ELSE 'wanted' END,"
                        + " CASE WHEN n % 20 < 5 THEN current_date - (n % 60) END,"
                        + " CASE WHEN n % 20 < 5 THEN now() - (n % 60) * interval '1 day' END,"
                        + " now() - (n % 90) * interval '1 day', now() FROM generate_series(1, " + wantList + ") n");
            }
        }
    }

    /** As autovacuum would have by then: the planner knows the tables' sizes and spreads. */
    private void analyze() throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("VACUUM ANALYZE");
        }
    }

    /** The 10,000th entry, through the API; the benchmark changes its priority to drop the user's cached figures. */
    private String addToWantList(String trackId) throws Exception {
        HttpResponse<String> response = http.send(authorized("/api/v1/want-list")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"trackId\":\"" + trackId + "\",\"priority\":4}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() / 100 != 2 || !id.find()) {
            throw new IllegalStateException("POST /api/v1/want-list answered " + response.statusCode() + ": " + response.body());
        }
        return id.group(1);
    }

    // ---- statistics and trends ----

    /** Each sample: a want-list change (which drops the user's cached figures, as new discoveries do), then the request. */
    private Samples cold(String path, String wantListEntry, int count) throws Exception {
        Samples samples = new Samples();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> patched = http.send(authorized("/api/v1/want-list/" + wantListEntry)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"priority\":" + (3 + i % 2) + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (patched.statusCode() != 200) {
                throw new IllegalStateException("PATCH answered " + patched.statusCode() + ": " + patched.body());
            }
            samples.add(timedGet(path));
        }
        return samples;
    }

    private Samples warm(String path, int count) throws Exception {
        timedGet(path);
        Samples samples = new Samples();
        for (int i = 0; i < count; i++) {
            samples.add(timedGet(path));
        }
        return samples;
    }

    /** The round trip of a request that does nothing: the HTTP floor the cached answers are compared with. */
    private Samples httpFloor(int count) throws Exception {
        Samples samples = new Samples();
        for (int i = 0; i < count * 6; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve("/actuator/info")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - started;
            if (i >= count) {
                samples.add(took);
            }
            check(response, "/actuator/info");
        }
        return samples;
    }

    private long timedGet(String path) throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - started;
        check(response, path);
        return took;
    }

    /**
     * The statements the service runs for {@code kind}, with its windows, over JDBC, each on a connection of its own
     * and all at once (the service zips them over its R2DBC pool): the wall time until the last one is read.
     */
    private Samples jdbc(String kind, int count) throws Exception {
        List<Query> queries = queries(kind);
        ExecutorService pool = Executors.newFixedThreadPool(queries.size());
        List<Connection> connections = new ArrayList<>();
        try {
            List<PreparedStatement> statements = new ArrayList<>();
            for (Query query : queries) {
                Connection connection = connect();
                connections.add(connection);
                statements.add(query.prepare(connection));
            }
            Samples samples = new Samples();
            for (int i = -10; i < count; i++) {
                long started = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (PreparedStatement statement : statements) {
                    running.add(pool.submit(() -> {
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                rows.getObject(1);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> done : running) {
                    done.get();
                }
                long took = System.nanoTime() - started;
                if (i >= 0) {
                    samples.add(took);
                }
            }
            return samples;
        } finally {
            pool.shutdown();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** The statements the service runs for {@code kind}, with the windows it gives them, ending now. */
    private static List<Query> queries(String kind) {
        List<Query> queries = new ArrayList<>();
        Instant now = Instant.now();
        if (kind.equals("trends")) {
            Instant split = now.minus(TREND_WINDOW);
            Instant start = split.minus(TREND_WINDOW);
            queries.add(new Query(StatisticsStore.trends(StatisticsStore.ARTIST_KEY, StatisticsStore.ARTIST_NAME), start, now, split));
            queries.add(new Query(StatisticsStore.trends(StatisticsStore.GENRE_KEY, StatisticsStore.GENRE_NAME), start, now, split));
            queries.add(new Query(StatisticsStore.WEEKLY, now.minus(RATE_WINDOW), now, null));
            queries.add(new Query(StatisticsStore.SOURCES, split, now, null));
            queries.add(new Query(StatisticsStore.CONVERSION, null, null, null));
        } else {
            Instant start = switch (kind) {
                case "daily" -> now.minus(1, ChronoUnit.DAYS);
                case "weekly" -> now.minus(7, ChronoUnit.DAYS);
                case "monthly" -> now.minus(30, ChronoUnit.DAYS);
                default -> Instant.EPOCH;
            };
            for (String statement : List.of(StatisticsStore.TOTALS, StatisticsStore.TOP_GENRES, StatisticsStore.SOURCES,
                    start.equals(Instant.EPOCH) ? StatisticsStore.MOST_PLAYED_ALL_TIME : StatisticsStore.MOST_PLAYED)) {
                queries.add(new Query(statement, start, now, null));
            }
        }
        return queries;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of every statement of every kind, into target/bench-explain.txt. */
    private void explain(List<String> kinds) throws Exception {
        StringBuilder plans = new StringBuilder();
        try (Connection db = connect()) {
            for (String kind : kinds) {
                for (Query query : queries(kind)) {
                    Query explained = new Query("EXPLAIN (ANALYZE, BUFFERS) " + query.sql(), query.start(), query.end(), query.split());
                    plans.append("=== ").append(kind).append('\n').append(query.sql()).append('\n');
                    try (PreparedStatement statement = explained.prepare(db); ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            plans.append(rows.getString(1)).append('\n');
                        }
                    }
                    plans.append('\n');
                }
            }
        }
        Files.writeString(Path.of("target", "bench-explain.txt"), plans);
    }

    /** A statement of StatisticsStore with its named parameters turned into JDBC's, bound in order. */
    private record Query(String sql, Instant start, Instant end, Instant split) {

        PreparedStatement prepare(Connection connection) throws SQLException {
            List<String> names = new ArrayList<>();
            Matcher named = NAMED.matcher(sql);
            StringBuilder jdbc = new StringBuilder();
            while (named.find()) {
                names.add(named.group(1));
                named.appendReplacement(jdbc, "?");
            }
            named.appendTail(jdbc);
            PreparedStatement statement = connection.prepareStatement(jdbc.toString());
            for (int i = 0; i < names.size(); i++) {
                switch (names.get(i)) {
                    case "userId" -> statement.setString(i + 1, USER);
                    case "start" -> statement.setObject(i + 1, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
                    case "end" -> statement.setObject(i + 1, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
                    case "split" -> statement.setObject(i + 1, OffsetDateTime.ofInstant(split, ZoneOffset.UTC));
                    default -> throw new IllegalStateException("unknown parameter :" + names.get(i) + " in " + sql);
                }
            }
            return statement;
        }
    }

    // ---- exports ----

    private record Export(long rows, long bytes, long nanos, long peakHeap) {
        Export withPeak(long peak) {
            return new Export(rows, bytes, nanos, peak);
        }
    }

    /** The whole export read as it streams, into nothing; rows counted from its lines (JSON: its objects). */
    private Export export(String user, String format) throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/catalog/export?format=" + format))
                        .header("Authorization", "Bearer " + tokenFor(user)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long count = 0;
        byte separator = (byte) (format.equals("json") ? '{' : '\n');
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == separator) {
                        count++;
                    }
                }
            }
        }
        long took = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        return new Export(format.equals("csv") ? count - 1 : count, bytes, took, 0);
    }

    /** The export's own query, 500 rows a fetch, every column written as text to a null stream: the floor. */
    private Export rawExport(String user) throws Exception {
        Export best = null;
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            long rows = 0;
            try (Connection db = connect()) {
                db.setAutoCommit(false);
                try (PreparedStatement statement = db.prepareStatement(
                        "SELECT * FROM catalog_tracks WHERE user_id = ? ORDER BY artist_key, title_key, id")) {
                    statement.setFetchSize(500);
                    statement.setString(1, user);
                    try (ResultSet result = statement.executeQuery();
                         Writer out = new BufferedWriter(new OutputStreamWriter(java.io.OutputStream.nullOutputStream(),
                                 StandardCharsets.UTF_8))) {
                        int columns = result.getMetaData().getColumnCount();
                        while (result.next()) {
                            for (int c = 1; c <= columns; c++) {
                                String value = result.getString(c);
                                out.write(value == null ? "" : value);
                                out.write(c == columns ? '\n' : ',');
                            }
                            rows++;
                        }
                    }
                }
                db.commit();
            }
            Export export = new Export(rows, 0, System.nanoTime() - started, 0);
            if (best == null || export.nanos() < best.nanos()) {
                best = export;
            }
        }
        return best;
    }

    // ---- helpers ----

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private static void check(HttpResponse<?> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + (response.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : ""));
        }
    }

    private static String tokenFor(String userId) {
        var key = new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder().subject(userId).audience(List.of("novatune-api")).issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(4, ChronoUnit.HOURS)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    private static String pad(int i) {
        return String.format(Locale.ROOT, "%08d", i);
    }

    /** Request times in nanoseconds; percentiles by nearest rank, in milliseconds. */
    private static final class Samples {
        private final List<Long> nanos = new ArrayList<>();

        void add(long took) {
            nanos.add(took);
        }

        double p(int percentile) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }
    }

    /** The service's heap in use, from its Prometheus endpoint every 200 ms; the largest value since the last reset. */
    private final class HeapSampler {
        private final URI metrics;
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();

        HeapSampler(URI metrics) {
            this.metrics = metrics;
            every.scheduleWithFixedDelay(() -> {
                try {
                    peak.accumulateAndGet(now(), Math::max);
                } catch (Exception e) {
                    // the next sample will do
                }
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        long now() throws IOException, InterruptedException {
            String body = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            double used = 0;
            for (String line : body.split("\n")) {
                Matcher sample = HEAP_USED.matcher(line);
                if (sample.matches()) {
                    used += Double.parseDouble(sample.group(1));
                }
            }
            return (long) used;
        }

        void reset() {
            peak.set(0);
        }

        long peak() throws IOException, InterruptedException {
            return Math.max(peak.get(), now());
        }

        void stop() {
            every.shutdownNow();
        }
    }

    /** /proc/loadavg's 1-minute figure every 5 s while the measurements run. */
    private static final class LoadSampler {
        private final List<Double> loads = new ArrayList<>();
        private final ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor();

        void start() {
            every.scheduleAtFixedRate(() -> {
                try {
                    double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                    synchronized (loads) {
                        loads.add(load);
                    }
                } catch (IOException e) {
                    // not Linux
                }
            }, 0, 5, TimeUnit.SECONDS);
        }

        void stop() {
            every.shutdownNow();
        }

        String summary() {
            synchronized (loads) {
                if (loads.isEmpty()) {
                    return "?";
                }
                double mean = loads.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double max = loads.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                return String.format(Locale.ROOT, "start %.2f, mean %.2f, max %.2f, end %.2f (%d samples)", loads.get(0),
                        mean, max, loads.get(loads.size() - 1), loads.size());
            }
        }
    }

    private static String machine() throws IOException {
        String cpu;
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        }
        long memory;
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memory = lines.filter(line -> line.startsWith("MemTotal:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024).orElse(0L);
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory + " GiB RAM";
    }
}
