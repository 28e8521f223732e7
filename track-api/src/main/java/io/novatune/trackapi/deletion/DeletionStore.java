package io.novatune.trackapi.deletion;

import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackStatus;
import io.novatune.trackapi.track.TrackStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The state changes of a track's deletion. Each is one conditional statement, so that of two
 * concurrent changes of the same row (a restore and the purge timer, two DELETEs, two replicas'
 * sweepers) exactly one matches: PostgreSQL re-checks the {@code WHERE} of an {@code UPDATE} that
 * waited for a row lock against the row as the winner left it.
 */
@Repository
class DeletionStore {

    private static final String VISIBLE = TrackStatus.VISIBLE_SQL;

    private final DatabaseClient db;

    DeletionStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Track> softDelete(String userId, String trackId, Instant now, Instant purgeAt) {
        return db.sql(sql("""
                        UPDATE tracks
                           SET status = 'DELETED', status_before_deletion = status, deleted_at = :now,
                               scheduled_deletion_at = :purgeAt, purge_requested_at = NULL, purge_attempts = 0,
                               updated_at = :now, version = version + 1
                         WHERE id = :id AND user_id = :userId AND status IN {visible}
                         RETURNING *"""))
                .bind("id", trackId)
                .bind("userId", userId)
                .bind("now", now)
                .bind("purgeAt", purgeAt)
                .map(TrackStore::toTrack)
                .one();
    }

    /** Only while {@code DELETED} and before its deadline: the same row cannot also be claimed by the purge. */
    Mono<Track> restore(String userId, String trackId, Instant now) {
        return db.sql("""
                        UPDATE tracks
                           SET status = coalesce(status_before_deletion, 'READY'), status_before_deletion = NULL,
                               deleted_at = NULL, scheduled_deletion_at = NULL, purge_requested_at = NULL,
                               purge_attempts = 0, updated_at = :now, version = version + 1
                         WHERE id = :id AND user_id = :userId AND status = 'DELETED' AND scheduled_deletion_at > :now
                         RETURNING *""")
                .bind("id", trackId)
                .bind("userId", userId)
                .bind("now", now)
                .map(TrackStore::toTrack)
                .one();
    }

    /**
     * Claims up to {@code limit} tracks whose grace period is over. {@code SKIP LOCKED}: rows another
     * replica (or a restore) holds are left to it, and this sweep moves on.
     */
    Flux<Track> claimDuePurges(Instant now, int limit) {
        return db.sql("""
                        UPDATE tracks t
                           SET status = 'PURGING', purge_requested_at = :now, purge_attempts = t.purge_attempts + 1,
                               updated_at = :now, version = t.version + 1
                          FROM (SELECT id FROM tracks
                                 WHERE status = 'DELETED' AND scheduled_deletion_at <= :now
                                 ORDER BY scheduled_deletion_at
                                 LIMIT :limit
                                   FOR UPDATE SKIP LOCKED) due
                         WHERE t.id = due.id AND t.status = 'DELETED'
                         RETURNING t.*""")
                .bind("now", now)
                .bind("limit", limit)
                .map(TrackStore::toTrack)
                .all();
    }

    /** Purges that got no {@code TrackPurged} since {@code cutoff} and may be sent again. */
    Flux<Track> claimStalePurges(Instant cutoff, int maxAttempts, Instant now, int limit) {
        return db.sql("""
                        UPDATE tracks t
                           SET purge_requested_at = :now, purge_attempts = t.purge_attempts + 1
                          FROM (SELECT id FROM tracks
                                 WHERE status = 'PURGING' AND purge_requested_at <= :cutoff AND purge_attempts < :max
                                 ORDER BY purge_requested_at
                                 LIMIT :limit
                                   FOR UPDATE SKIP LOCKED) stale
                         WHERE t.id = stale.id AND t.status = 'PURGING'
                         RETURNING t.*""")
                .bind("now", now)
                .bind("cutoff", cutoff)
                .bind("max", maxAttempts)
                .bind("limit", limit)
                .map(TrackStore::toTrack)
                .all();
    }

    /** Purges whose last allowed attempt went unanswered: they wait for an operator. */
    Flux<Track> giveUpStalePurges(Instant cutoff, int maxAttempts, Instant now, int limit) {
        return db.sql("""
                        UPDATE tracks t
                           SET status = 'DELETE_FAILED', updated_at = :now, version = t.version + 1
                          FROM (SELECT id FROM tracks
                                 WHERE status = 'PURGING' AND purge_requested_at <= :cutoff AND purge_attempts >= :max
                                 ORDER BY purge_requested_at
                                 LIMIT :limit
                                   FOR UPDATE SKIP LOCKED) stale
                         WHERE t.id = stale.id AND t.status = 'PURGING'
                         RETURNING t.*""")
                .bind("now", now)
                .bind("cutoff", cutoff)
                .bind("max", maxAttempts)
                .bind("limit", limit)
                .map(TrackStore::toTrack)
                .all();
    }

    Mono<Track> retryFailedPurge(String trackId, Instant now) {
        return db.sql("""
                        UPDATE tracks
                           SET status = 'PURGING', purge_requested_at = :now, purge_attempts = 1,
                               updated_at = :now, version = version + 1
                         WHERE id = :id AND status = 'DELETE_FAILED'
                         RETURNING *""")
                .bind("id", trackId)
                .bind("now", now)
                .map(TrackStore::toTrack)
                .one();
    }

    /**
     * Claims the next {@code limit} of a user's tracks that are not being purged yet, bypassing the
     * grace period. It waits for locked rows rather than skipping them: an account purge must not miss
     * a track because a restore was touching it at that moment.
     */
    Flux<Track> claimUserTracks(String userId, Instant now, int limit) {
        return db.sql(sql("""
                        UPDATE tracks t
                           SET status = 'PURGING',
                               status_before_deletion = CASE WHEN t.status IN {visible}
                                   THEN t.status ELSE t.status_before_deletion END,
                               deleted_at = coalesce(t.deleted_at, :now),
                               scheduled_deletion_at = least(t.scheduled_deletion_at, :now),
                               purge_requested_at = :now, purge_attempts = 1,
                               updated_at = :now, version = t.version + 1
                          FROM (SELECT id FROM tracks
                                 WHERE user_id = :userId AND status <> 'PURGING'
                                 ORDER BY id
                                 LIMIT :limit
                                   FOR UPDATE) mine
                         WHERE t.id = mine.id AND t.status <> 'PURGING'
                         RETURNING t.*"""))
                .bind("userId", userId)
                .bind("now", now)
                .bind("limit", limit)
                .map(TrackStore::toTrack)
                .all();
    }

    /**
     * Only a track being purged is removed: a late or forged result never deletes a live or restored track. Its
     * tombstone is written, and the user's track count lowered, in the same statement.
     */
    Mono<PurgedTrack> deletePurged(String trackId, String userId) {
        return db.sql("""
                        WITH purged AS (DELETE FROM tracks
                                         WHERE id = :id AND user_id = :userId AND status IN ('PURGING', 'DELETE_FAILED')
                                         RETURNING id, user_id, file_size_bytes),
                             tombstone AS (INSERT INTO purged_tracks (track_id, user_id)
                                           SELECT id, user_id FROM purged
                                           ON CONFLICT (track_id) DO NOTHING),
                             counted AS (UPDATE user_track_counts SET tracks = greatest(tracks - 1, 0)
                                          WHERE user_id IN (SELECT user_id FROM purged))
                        SELECT id, user_id, file_size_bytes FROM purged""")
                .bind("id", trackId)
                .bind("userId", userId)
                .map(row -> new PurgedTrack(row.get("id", String.class), row.get("user_id", String.class),
                        row.get("file_size_bytes", Long.class)))
                .one();
    }

    /** When this user's track was purged, if it was and its tombstone is still kept. */
    Mono<Instant> purgedAt(String userId, String trackId) {
        return db.sql("SELECT purged_at FROM purged_tracks WHERE track_id = :id AND user_id = :userId")
                .bind("id", trackId)
                .bind("userId", userId)
                .map(row -> row.get("purged_at", Instant.class))
                .one();
    }

    /** Tombstones older than the cutoff, at most {@code batch} of them; answers how many went. */
    Mono<Long> forgetTombstones(Instant cutoff, int batch) {
        return db.sql("""
                        DELETE FROM purged_tracks
                         WHERE track_id IN (SELECT track_id FROM purged_tracks
                                             WHERE purged_at < :cutoff
                                             LIMIT :batch
                                               FOR UPDATE SKIP LOCKED)""")
                .bind("cutoff", cutoff)
                .bind("batch", batch)
                .fetch()
                .rowsUpdated();
    }

    Mono<Void> releaseQuota(String userId, long bytes) {
        return db.sql("UPDATE user_quota SET used_bytes = greatest(used_bytes - :bytes, 0) WHERE user_id = :userId")
                .bind("userId", userId)
                .bind("bytes", bytes)
                .then();
    }

    /** Keyset paging by id (ULIDs sort by creation). */
    Flux<Track> listByStatus(TrackStatus status, String afterId, int limit) {
        return db.sql("""
                        SELECT * FROM tracks
                         WHERE status = :status AND id > :after
                         ORDER BY id
                         LIMIT :limit""")
                .bind("status", status.name())
                .bind("after", afterId == null ? "" : afterId)
                .bind("limit", limit)
                .map(TrackStore::toTrack)
                .all();
    }

    Mono<Long> countDuePurges(Instant now) {
        return db.sql("SELECT count(*) AS n FROM tracks WHERE status = 'DELETED' AND scheduled_deletion_at <= :now")
                .bind("now", now)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    private static String sql(String template) {
        return template.replace("{visible}", VISIBLE);
    }

    Mono<Long> countStalePurges(Instant cutoff) {
        return db.sql("SELECT count(*) AS n FROM tracks WHERE status = 'PURGING' AND purge_requested_at <= :cutoff")
                .bind("cutoff", cutoff)
                .map(row -> row.get("n", Long.class))
                .one();
    }
}
