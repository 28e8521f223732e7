package io.novatune.trackapi.bench;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackSource;
import io.novatune.events.Topics;
import io.novatune.events.serde.EventSerializer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceiling of the write path: the transaction {@code POST /api/v1/tracks} runs (the quota's upsert, the track's
 * insert, the outbox row's insert and delete, one commit), over plain JDBC from as many clients, with no HTTP,
 * JSON, security or reactive stack in between. The relay decodes these outbox rows too, as it would the service's.
 */
final class RawTransactions {

    private static final String ADMIT = """
            INSERT INTO user_track_counts AS c (user_id, tracks) VALUES (?, 1)
            ON CONFLICT (user_id) DO UPDATE SET tracks = c.tracks + 1 RETURNING tracks""";
    private static final String INSERT_TRACK = """
            INSERT INTO tracks (id, user_id, title, artist, isrc, duration_ms, status, source, catalog_service,
                                catalog_id, file_size_bytes, created_at, updated_at, version)
            VALUES (?, ?, 'Bench track', 'Bench artist', 'GBDUW9600012', 240000, 'READY', 'CATALOG', 'spotify',
                    'x', 0, ?, ?, 1)""";
    private static final String INSERT_OUTBOX = """
            INSERT INTO outbox (id, aggregate_type, aggregate_id, topic, event_type, payload, traceparent)
            VALUES (?, 'track', ?, ?, ?, ?, NULL)""";
    private static final String DELETE_OUTBOX = "DELETE FROM outbox WHERE id = ?";

    private RawTransactions() {
    }

    /** Transactions per second over {@code seconds}, with {@code clients} connections. */
    static double rate(String jdbcUrl, String user, String password, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String userId = "raw-" + c;
                workers.add(pool.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
                        return run(connection, userId, end);
                    }
                }));
            }
            long total = 0;
            for (Future<Integer> worker : workers) {
                total += worker.get();
            }
            return total / (double) seconds;
        } finally {
            pool.shutdown();
        }
    }

    private static int run(Connection connection, String userId, long end) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement admit = connection.prepareStatement(ADMIT);
             PreparedStatement track = connection.prepareStatement(INSERT_TRACK);
             PreparedStatement outbox = connection.prepareStatement(INSERT_OUTBOX);
             PreparedStatement delete = connection.prepareStatement(DELETE_OUTBOX)) {
            int done = 0;
            while (System.nanoTime() < end) {
                String trackId = UlidCreator.getMonotonicUlid().toString();
                UUID eventId = UUID.randomUUID();
                Timestamp now = Timestamp.from(Instant.now());
                admit.setString(1, userId);
                admit.executeQuery().close();
                track.setString(1, trackId);
                track.setString(2, userId);
                track.setTimestamp(3, now);
                track.setTimestamp(4, now);
                track.executeUpdate();
                TrackAdded event = TrackAdded.newBuilder().setEventId(eventId.toString()).setOccurredAt(now.toInstant())
                        .setTrackId(trackId).setUserId(userId).setSource(TrackSource.CATALOG)
                        .setTitle("Bench track").setArtist("Bench artist").build();
                outbox.setObject(1, eventId);
                outbox.setString(2, trackId);
                outbox.setString(3, Topics.TRACK_ADDED);
                outbox.setString(4, event.getSchema().getFullName());
                outbox.setBytes(5, EventSerializer.encode(event));
                outbox.executeUpdate();
                delete.setObject(1, eventId);
                delete.executeUpdate();
                connection.commit();
                done++;
            }
            return done;
        }
    }
}
