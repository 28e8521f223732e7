package io.novatune.trackapi.bench;

import io.novatune.trackapi.TestTokens;
import io.novatune.trackapi.library.CursorCodec;
import io.novatune.trackapi.library.LibraryPage;
import io.novatune.trackapi.library.LibraryQuery;
import io.novatune.trackapi.library.LibraryStore;
import io.novatune.trackapi.library.PageCursor;
import io.novatune.trackapi.library.SortField;

import java.net.URI;
import java.net.URLEncoder;
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
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/tracks} over 1,000,000 tracks of which 100,000 belong to one user: the first page and a deep
 * page by cursor, without a search and with prefix searches that match 50 %, 10 %, 1 % and 0.01 % of the user's
 * tracks. Each is measured over HTTP, against two figures of the same run: the same query through
 * {@link LibraryStore} in this JVM (its SQL without HTTP, JSON and authentication: the ceiling) and the same
 * listing with OFFSET over JDBC at the same depth. Run by {@code deploy/bench/track-api/list}.
 */
public final class ListBenchmark {

    private static final String USER = "bench-user";
    private static final int LIMIT = 20;
    /** Timed calls per row over HTTP and in-process; OFFSET's deep pages take 200 ms each, so fewer of them. */
    private static final int RUNS = 1000;
    private static final int OFFSET_RUNS = 200;
    private static final int WARMUP = 30;
    /** Every row's calls, round robin, before any is timed: the JIT compiles the path, as in the write benchmark. */
    private static final Duration JIT_WARMUP = Duration.ofSeconds(30);

    /** A row of the table: a search term (or none) and the depth its page starts at. */
    private record Case(String label, String search, String tsquery, int depth) {
    }

    /** A case with its page's query and URI, the cursor reached. */
    private record Row(Case c, LibraryQuery query, String uri) {
    }

    public static void main(String[] args) throws Exception {
        List<Case> cases = List.of(
                new Case("no search, first page", null, null, 0),
                new Case("no search, 5,000 deep", null, null, 5000),
                new Case("search 'night' (50 %), first page", "night", "night:*", 0),
                new Case("search 'night' (50 %), 5,000 deep", "night", "night:*", 5000),
                new Case("search 'daft pu' (10 %), first page", "daft pu", "daft:* & pu:*", 0),
                new Case("search 'daft pu' (10 %), 5,000 deep", "daft pu", "daft:* & pu:*", 5000),
                new Case("search 'xtal' (1 %), first page", "xtal", "xtal:*", 0),
                new Case("search 'xtal' (1 %), 500 deep", "xtal", "xtal:*", 500),
                new Case("search 'rarity' (0.01 %), first page", "rarity", "rarity:*", 0));
        try (BenchmarkStack stack = new BenchmarkStack();
             Connection db = DriverManager.getConnection(stack.postgres.jdbcUrl(BenchmarkStack.DATABASE),
                     stack.postgres.username(), stack.postgres.password())) {
            long seedStart = System.nanoTime();
            seed(db);
            System.out.printf("seeded 1,000,000 tracks in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);

            LibraryStore store = stack.app.getBean(LibraryStore.class);
            CursorCodec cursors = stack.app.getBean(CursorCodec.class);
            HttpClient http = HttpClient.newHttpClient();
            String token = TestTokens.forUser(USER);
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
            StringBuilder table = new StringBuilder("""
                    | query | user's matches | HTTP p50 ms | HTTP p99 ms | in-process p99 ms | OFFSET p50 ms \
                    | OFFSET p99 ms | OFFSET p99 ÷ HTTP p99 | HTTP p99 ÷ in-process p99 |
                    |---|---|---|---|---|---|---|---|---|
                    """);
            List<Row> rows = new ArrayList<>();
            for (Case c : cases) {
                PageCursor after = cursorAt(store, c, c.depth());
                String uri = "http://localhost:" + stack.port() + "/api/v1/tracks?limit=" + LIMIT
                        + (c.search() == null ? "" : "&search=" + URLEncoder.encode(c.search(), StandardCharsets.UTF_8))
                        + (after == null ? "" : "&cursor=" + cursors.encode(after));
                rows.add(new Row(c, query(c, after), uri));
            }
            long warmEnd = System.nanoTime() + JIT_WARMUP.toNanos();
            while (System.nanoTime() < warmEnd) {
                for (Row row : rows) {
                    get(http, token, row.uri());
                    store.page(row.query()).block();
                }
            }
            for (Row row : rows) {
                Case c = row.c();
                Latencies overHttp = Latencies.measure("http", WARMUP, RUNS, () -> get(http, token, row.uri()));
                Latencies inProcess = Latencies.measure("store", WARMUP, RUNS, () -> store.page(row.query()).block());
                Latencies offset = Latencies.measure("offset", WARMUP, OFFSET_RUNS,
                        () -> offsetQuery(db, c.tsquery(), c.depth()));
                double httpP99 = overHttp.percentileMillis(99);
                table.append(String.format("| %s | %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f× | %.2f |%n",
                        c.label(), matches(db, c.tsquery()), overHttp.percentileMillis(50), httpP99,
                        inProcess.percentileMillis(99), offset.percentileMillis(50), offset.percentileMillis(99),
                        offset.percentileMillis(99) / httpP99, httpP99 / inProcess.percentileMillis(99)));
            }
            System.out.println();
            System.out.print(table);
            System.out.printf("%n%d s of every row's calls round robin, then %d runs (OFFSET: %d) after %d warm-up calls "
                            + "each, pages of %d; load average before: %s, after: %s; %d cores%n",
                    JIT_WARMUP.toSeconds(), RUNS, OFFSET_RUNS, WARMUP, LIMIT, loadBefore,
                    Files.readString(Path.of("/proc/loadavg")).strip(), Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * 100,000 tracks for the benchmark user (every tenth id), 900,000 spread over 9,000 others, with the same
     * vocabulary: "Night" starts every second title, "Daft Punk" is every tenth artist, "Xtal" every hundredth album
     * and "Rarity" every ten-thousandth, each spread evenly over creation time.
     */
    private static void seed(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO tracks (id, user_id, title, artist, album, genre, duration_ms, status, source,
                                        catalog_service, catalog_id, created_at, updated_at, version)
                    SELECT upper(lpad(to_hex(g), 26, '0')),
                           CASE WHEN g % 10 = 0 THEN 'bench-user' ELSE 'user-' || (g % 9000) END,
                           CASE WHEN (g / 10) % 2 = 0 THEN 'Night ' ELSE 'Morning ' END
                             || (ARRAY['Drive','Strings','Archangel','Nautilus','Screen','Teardrop','Windowlicker',
                                       'Falling','Silver','Time'])[1 + (g / 30) % 10] || ' ' || g,
                           (ARRAY['Daft Punk','Aphex Twin','Rhythim Is Rhythim','Burial','Floating Points',
                                  'Moodymann','Theo Parrish','Four Tet','Jon Hopkins','Massive Attack'])[1 + (g / 20) % 10],
                           CASE WHEN (g / 10) % 100 = 37 THEN 'Xtal'
                                WHEN (g / 10) % 10000 = 77 THEN 'Rarity'
                                ELSE 'Album ' || (g % 5000) END,
                           'Electronic', 180000 + g % 300000, 'READY', 'CATALOG', 'spotify', 'id' || g,
                           timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 second',
                           timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 second', 0
                    FROM generate_series(1, 1000000) AS g
                    """);
            // What autovacuum would have done by the time a library is this large: statistics and the visibility map.
            statement.execute("VACUUM ANALYZE tracks");
        }
    }

    private static LibraryQuery query(Case c, PageCursor after) {
        return new LibraryQuery(USER, c.search(), null, null, null, null, SortField.CREATED_AT, true, LIMIT, after);
    }

    /** Pages of 100 through the store to the cursor that starts {@code depth} rows in. */
    private static PageCursor cursorAt(LibraryStore store, Case c, int depth) {
        PageCursor cursor = null;
        for (int seen = 0; seen < depth; seen += 100) {
            LibraryQuery query = new LibraryQuery(USER, c.search(), null, null, null, null, SortField.CREATED_AT, true,
                    100, cursor);
            LibraryPage page = store.page(query).block();
            if (!page.hasMore()) {
                throw new IllegalStateException(c.label() + ": fewer than " + depth + " matches");
            }
            cursor = page.next();
        }
        return cursor;
    }

    private static String get(HttpClient http, String token, String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long matches(Connection db, String tsquery) throws Exception {
        String sql = "SELECT count(*) FROM tracks WHERE user_id = ? AND status IN ('PROCESSING', 'READY', 'FAILED')"
                + (tsquery == null ? "" : " AND search_vector @@ to_tsquery('simple', ?)");
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, USER);
            if (tsquery != null) {
                statement.setString(2, tsquery);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** The same listing as the API's as one statement, paged with OFFSET instead of a keyset. */
    private static int offsetQuery(Connection db, String tsquery, int offset) throws Exception {
        String sql = "SELECT * FROM tracks WHERE user_id = ? AND status IN ('PROCESSING', 'READY', 'FAILED')"
                + (tsquery == null ? "" : " AND search_vector @@ to_tsquery('simple', ?)")
                + " ORDER BY created_at DESC, id DESC LIMIT " + (LIMIT + 1) + " OFFSET " + offset;
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, USER);
            if (tsquery != null) {
                statement.setString(2, tsquery);
            }
            int rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
