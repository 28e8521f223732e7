package io.novatune.trackapi.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.novatune.trackapi.TestTokens;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/v1/tracks} over 1,000,000 tracks of which 100,000 belong to one user: the first
 * page and 5,000 rows deep by cursor, with and without search, next to the same queries with OFFSET.
 * Run by {@code deploy/bench/track-api/list}.
 */
public final class ListBenchmark {

    private static final String USER = "bench-user";
    private static final int RUNS = 200;
    private static final int WARMUP = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        try (BenchmarkStack stack = new BenchmarkStack();
             Connection db = DriverManager.getConnection(stack.postgres.jdbcUrl(BenchmarkStack.DATABASE),
                     stack.postgres.username(), stack.postgres.password())) {
            long seedStart = System.nanoTime();
            seed(db);
            System.out.printf("seeded 1,000,000 tracks in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + stack.port() + "/api/v1/tracks?limit=20";
            String token = TestTokens.forUser(USER);
            List<Latencies> results = new ArrayList<>();
            for (String search : new String[]{null, "daft pu"}) {
                String query = search == null ? base : base + "&search=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
                String label = search == null ? "" : " search='" + search + "'";
                String deepCursor = cursorAfter(http, token, query, 5000);
                results.add(Latencies.measure("HTTP keyset, first page" + label, WARMUP, RUNS, () -> get(http, token, query)));
                results.add(Latencies.measure("HTTP keyset, 5,000 deep" + label, WARMUP, RUNS,
                        () -> get(http, token, query + "&cursor=" + deepCursor)));
                results.add(Latencies.measure("SQL OFFSET 0" + label, WARMUP, RUNS, () -> offsetQuery(db, search, 0)));
                results.add(Latencies.measure("SQL OFFSET 5000" + label, WARMUP, RUNS, () -> offsetQuery(db, search, 5000)));
            }
            System.out.println("| query | runs | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|");
            results.forEach(result -> System.out.println(result.row()));
        }
    }

    /** 100,000 tracks for the benchmark user, 900,000 spread over 9,000 others; titles from a small vocabulary. */
    private static void seed(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO tracks (id, user_id, title, artist, album, genre, duration_ms, status, source,
                                        catalog_service, catalog_id, created_at, updated_at, version)
                    SELECT upper(lpad(to_hex(g), 26, '0')),
                           CASE WHEN g % 10 = 0 THEN 'bench-user' ELSE 'user-' || (g % 9000) END,
                           (ARRAY['One More Time','Windowlicker','Strings of Life','Archangel','Nautilus',
                                  'Silver Screen','Pulse','Xtal','Falling Up','Teardrop'])[1 + g % 10] || ' ' || g,
                           (ARRAY['Daft Punk','Aphex Twin','Rhythim Is Rhythim','Burial','Floating Points',
                                  'Moodymann','Theo Parrish','Four Tet','Jon Hopkins','Massive Attack'])[1 + (g / 10) % 10],
                           'Album ' || (g % 5000), 'Electronic', 180000 + g % 300000, 'READY', 'CATALOG', 'spotify', 'id' || g,
                           timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 second',
                           timestamp with time zone '2026-01-01 00:00:00+00' + g * interval '1 second', 0
                    FROM generate_series(1, 1000000) AS g
                    """);
            statement.execute("ANALYZE tracks");
        }
    }

    private static JsonNode get(HttpClient http, String token, String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Walks pages of 100 to the cursor that starts {@code depth} rows in. */
    private static String cursorAfter(HttpClient http, String token, String query, int depth) throws Exception {
        String pageQuery = query.replace("limit=20", "limit=100");
        String cursor = null;
        for (int seen = 0; seen < depth; seen += 100) {
            JsonNode page = get(http, token, cursor == null ? pageQuery : pageQuery + "&cursor=" + cursor);
            cursor = page.get("nextCursor").asText();
        }
        return cursor;
    }

    /** The same listing as the API's, paged with OFFSET instead of a keyset. */
    private static int offsetQuery(Connection db, String search, int offset) throws Exception {
        String sql = "SELECT * FROM tracks WHERE user_id = ? AND status IN ('PROCESSING', 'READY', 'FAILED')"
                + (search == null ? "" : " AND search_vector @@ to_tsquery('simple', ?)")
                + " ORDER BY created_at DESC, id DESC LIMIT 21 OFFSET " + offset;
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, USER);
            if (search != null) {
                statement.setString(2, "daft:* & pu:*");
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
