package io.novatune.trackapi.bench;

import io.novatune.trackapi.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The orphan sweep's reference check over 1,000,000 tracks: {@code POST /api/v1/internal/objects/referenced} with a
 * page of 1,000 keys (800 owned, 200 orphans), next to, in the same run, the floor (1,000 primary-key lookups in one
 * statement over JDBC) and the check it replaced (an EXISTS with an OR over the five key columns, per key; timed on
 * 10 keys, since a page of 1,000 would run for minutes). Run by {@code deploy/bench/track-api/references}.
 */
public final class ReferenceCheckBenchmark {

    private static final int TRACKS = 1_000_000;
    private static final int PAGE = 1_000;
    private static final int RUNS = 50;
    private static final int WARMUP = 5;

    public static void main(String[] args) throws Exception {
        try (BenchmarkStack stack = new BenchmarkStack();
             Connection db = DriverManager.getConnection(stack.postgres.jdbcUrl(BenchmarkStack.DATABASE),
                     stack.postgres.username(), stack.postgres.password())) {
            long seedStart = System.nanoTime();
            seed(db);
            System.out.printf("seeded %,d tracks with audio keys in %.1f s%n", TRACKS, (System.nanoTime() - seedStart) / 1e9);

            Random random = new Random(42);
            List<String> ids = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < PAGE; i++) {
                int g = 1 + random.nextInt(TRACKS);
                // Orphans: keys of the same layout whose track does not exist.
                int n = i < 800 ? g : TRACKS + g;
                ids.add(id(n));
                keys.add("audio/user-" + (n % 9000) + "/" + id(n));
            }
            String body = keys.stream().map(key -> "\"" + key + "\"").collect(Collectors.joining(",", "{\"keys\":[", "]}"));
            HttpClient http = HttpClient.newHttpClient();
            String token = TestTokens.forUser("lifecycle-worker", "service");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + stack.port()
                            + "/api/v1/internal/objects/referenced"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            long owned = answer.body().split("audio/", -1).length - 1;
            if (answer.statusCode() != 200 || owned != 800) {
                throw new IllegalStateException("the check answered " + answer.statusCode() + " with " + owned
                        + " owned keys, not 800: " + answer.body().substring(0, Math.min(300, answer.body().length())));
            }

            Latencies api = Latencies.measure("HTTP reference check, 1,000 keys", WARMUP, RUNS,
                    () -> http.send(request, HttpResponse.BodyHandlers.discarding()));
            Latencies floor = Latencies.measure("SQL floor: 1,000 primary-key lookups, one statement", WARMUP, RUNS,
                    () -> pkLookups(db, ids));
            Latencies old = Latencies.measure("SQL before: EXISTS with OR over 5 columns, 10 keys", 1, 3,
                    () -> oldCheck(db, keys.subList(0, 10)));

            System.out.println("| query | runs | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|");
            for (Latencies result : List.of(api, floor, old)) {
                System.out.println(result.row());
            }
            System.out.printf("%nreference check p50 / floor p50: %.1f (HTTP, JSON and JWT included)%n",
                    api.percentileMillis(50) / floor.percentileMillis(50));
            System.out.printf("the check it replaced, extrapolated to 1,000 keys: %.0f ms, %.0fx the new one%n",
                    old.percentileMillis(50) * 100, old.percentileMillis(50) * 100 / api.percentileMillis(50));
        }
    }

    private static String id(int n) {
        return String.format("%026X", n);
    }

    /** 1,000,000 uploaded tracks over 9,000 users, each with its object key; no key column but the primary key indexed. */
    private static void seed(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO tracks (id, user_id, title, artist, duration_ms, status, source, audio_object_key,
                                        file_size_bytes, created_at, updated_at, version)
                    SELECT upper(lpad(to_hex(g), 26, '0')), 'user-' || (g % 9000), 'Track ' || g, 'Artist ' || (g % 977),
                           180000, 'READY', 'UPLOAD', 'audio/user-' || (g % 9000) || '/' || upper(lpad(to_hex(g), 26, '0')),
                           1000000, now(), now(), 0
                      FROM generate_series(1, """ + TRACKS + ") AS g");
            statement.execute("ANALYZE tracks");
        }
    }

    private static int pkLookups(Connection db, List<String> ids) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT t.id FROM unnest(?::varchar[]) AS k(id) JOIN tracks t ON t.id = k.id")) {
            Array array = db.createArrayOf("varchar", ids.toArray());
            query.setArray(1, array);
            return count(query);
        }
    }

    private static int oldCheck(Connection db, List<String> keys) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT k.key FROM unnest(?::varchar[]) AS k(key)
                 WHERE EXISTS (SELECT 1 FROM tracks t
                                WHERE t.audio_object_key = k.key OR t.waveform_object_key = k.key
                                   OR t.archived_audio_key = k.key OR t.archived_cover_key = k.key
                                   OR t.archived_video_key = k.key)""")) {
            query.setArray(1, db.createArrayOf("varchar", keys.toArray()));
            return count(query);
        }
    }

    private static int count(PreparedStatement query) throws Exception {
        int rows = 0;
        try (ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }
}
