package io.novatune.trackapi.quota;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The {@code user_quota} table, and {@code user_track_counts}: how many rows of {@code tracks} each user has. */
@Repository
public class QuotaStore {

    private final DatabaseClient db;

    public QuotaStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Quota> find(String userId) {
        return db.sql("SELECT user_id, used_bytes, limit_bytes FROM user_quota WHERE user_id = :userId")
                .bind("userId", userId)
                .map(QuotaStore::toQuota)
                .one();
    }

    /** The user's row, created with {@code limitBytes} if this is their first use. */
    public Mono<Quota> findOrCreate(String userId, long limitBytes) {
        return db.sql("""
                        INSERT INTO user_quota (user_id, used_bytes, limit_bytes) VALUES (:userId, 0, :limitBytes)
                        ON CONFLICT (user_id) DO NOTHING
                        """)
                .bind("userId", userId)
                .bind("limitBytes", limitBytes)
                .then()
                .then(find(userId));
    }

    /**
     * Adds {@code bytes} unless that would pass the limit, in one conditional update: concurrent uploads that
     * each fit alone cannot together overrun it. Empty when they would.
     */
    public Mono<Quota> consume(String userId, long bytes) {
        return db.sql("""
                        UPDATE user_quota SET used_bytes = used_bytes + :bytes
                        WHERE user_id = :userId AND used_bytes + :bytes <= limit_bytes
                        RETURNING user_id, used_bytes, limit_bytes
                        """)
                .bind("userId", userId)
                .bind("bytes", bytes)
                .map(QuotaStore::toQuota)
                .one();
    }

    public Mono<Long> countTracks(String userId) {
        return db.sql("SELECT tracks FROM user_track_counts WHERE user_id = :userId")
                .bind("userId", userId)
                .map(row -> row.get("tracks", Long.class))
                .one()
                .defaultIfEmpty(0L);
    }

    /**
     * The conditional upsert of {@link #admitTracks}, for a statement that also writes the admitted track
     * (parameters {@code :userId}, {@code :added}, {@code :limit}; a row of {@code tracks} when admitted).
     */
    public static final String ADMIT_TRACKS = """
            INSERT INTO user_track_counts AS c (user_id, tracks) SELECT :userId, :added WHERE :added <= :limit
            ON CONFLICT (user_id) DO UPDATE SET tracks = c.tracks + :added WHERE c.tracks + :added <= :limit
            RETURNING tracks""";

    /**
     * Counts {@code added} more tracks unless that would pass {@code limit}, in one conditional upsert: concurrent
     * adds that each fit alone cannot together overrun it. Empty when they would.
     */
    public Mono<Long> admitTracks(String userId, int added, long limit) {
        return db.sql(ADMIT_TRACKS)
                .bind("userId", userId)
                .bind("added", added)
                .bind("limit", limit)
                .map(row -> row.get("tracks", Long.class))
                .one();
    }

    private static Quota toQuota(Readable row) {
        return new Quota(row.get("user_id", String.class), row.get("used_bytes", Long.class),
                row.get("limit_bytes", Long.class));
    }
}
