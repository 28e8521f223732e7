package io.novatune.trackapi.archive;

import io.novatune.trackapi.track.Track;
import io.novatune.trackapi.track.TrackStatus;
import io.novatune.trackapi.track.TrackStore;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** The archive timer's columns of {@code tracks}. */
@Repository
class ArchiveStore {

    /** When a provider's links stop working; a provider that gave no expiry gets the default lifetime. */
    private static final String EXPIRY = "coalesce(provider_expires_at, created_at + :lifetime * interval '1 second')";
    /** A deleted track is still restorable, so its assets are still worth saving; a purged one is not. */
    private static final String ARCHIVABLE = "source = 'PROVIDER' AND archived_at IS NULL"
            + " AND status IN ('PROCESSING', 'READY', 'FAILED', 'DELETED')";

    /** Archiving stopped without a copy: nothing will try again (a non-retryable failure, retries ran out). */
    private static final String STOPPED = "(archive_due_at IS NULL AND last_archive_error IS NOT NULL)";

    private final DatabaseClient db;

    ArchiveStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Claims up to {@code limit} due archives: one more attempt, and the timer pushed to the end of
     * the lease so the next sweeps do not send it again while the archiver works.
     */
    Flux<Track> claimDue(Instant now, Instant leaseUntil, Duration linkLifetime, int limit) {
        return claim("archive_due_at <= :now", "archive_due_at", now, null, leaseUntil, linkLifetime, limit);
    }

    /**
     * Claims, as {@link #claimDue} does, up to {@code limit} archives that are due or whose links expire before
     * {@code urgentBefore} while the timer waits (a lease, a back-off), soonest expiry first. A disarmed timer
     * (archiving stopped for good) is left alone.
     */
    Flux<Track> claimDueOrUrgent(Instant now, Instant urgentBefore, Instant leaseUntil, Duration linkLifetime, int limit) {
        return claim("archive_due_at IS NOT NULL AND (archive_due_at <= :now OR {expiry} <= :urgentBefore)",
                "{expiry}, id", now, urgentBefore, leaseUntil, linkLifetime, limit);
    }

    private Flux<Track> claim(String due, String order, Instant now, Instant urgentBefore, Instant leaseUntil,
                              Duration linkLifetime, int limit) {
        // MATERIALIZED: evaluated once. As a sub-select the planner may rescan it for each row it updates, and a
        // rescan skips the rows this statement already updated and locks the next ones: more than the limit.
        var spec = db.sql(sql("""
                        WITH due AS MATERIALIZED (
                                SELECT id FROM tracks
                                 WHERE {due} AND {archivable} AND {expiry} > :now
                                 ORDER BY {order}
                                 LIMIT :limit
                                   FOR UPDATE SKIP LOCKED)
                        UPDATE tracks t
                           SET archive_attempts = t.archive_attempts + 1, archive_due_at = :leaseUntil
                          FROM due
                         WHERE t.id = due.id
                         RETURNING t.*""".replace("{due}", due).replace("{order}", order)))
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .bind("lifetime", seconds(linkLifetime))
                .bind("limit", limit);
        if (urgentBefore != null) {
            spec = spec.bind("urgentBefore", urgentBefore);
        }
        return spec.map(TrackStore::toTrack).all();
    }

    /**
     * Disarms due timers that can no longer fire: the links expired (recorded as the last error), or
     * the track is being purged or is not a provider track. Answers the ids and whether they expired.
     */
    Flux<Disarmed> disarmUnfireable(Instant now, Duration linkLifetime, int limit) {
        return db.sql(sql("""
                        UPDATE tracks t
                           SET archive_due_at = NULL,
                               last_archive_error = CASE WHEN stuck.lost
                                   THEN 'provider links expired before the track was archived'
                                   ELSE t.last_archive_error END
                          FROM (SELECT id, {expiry} <= :now AS lost FROM tracks
                                 WHERE archive_due_at <= :now AND archived_at IS NULL
                                   AND (source <> 'PROVIDER' OR status IN ('PURGING', 'DELETE_FAILED')
                                        OR {expiry} <= :now)
                                 LIMIT :limit
                                   FOR UPDATE SKIP LOCKED) stuck
                         WHERE t.id = stuck.id
                         RETURNING t.id, t.user_id, stuck.lost"""))
                .bind("now", now)
                .bind("lifetime", seconds(linkLifetime))
                .bind("limit", limit)
                .map(row -> new Disarmed(row.get("id", String.class), row.get("user_id", String.class),
                        Boolean.TRUE.equals(row.get("lost", Boolean.class))))
                .all();
    }

    /**
     * Sends one more attempt now, whatever the timer says; {@code userId} null for an admin. Unlike
     * the timer, only for a visible track: to its owner a deleted track is gone until restored.
     */
    Mono<Track> claimNow(String trackId, String userId, Instant now, Instant leaseUntil, Duration linkLifetime) {
        return db.sql(sql("""
                        UPDATE tracks
                           SET archive_attempts = archive_attempts + 1, archive_due_at = :leaseUntil,
                               last_archive_error = NULL
                         WHERE id = :id AND user_id = coalesce(:userId, user_id) AND {archivable} AND {expiry} > :now
                           AND status IN {visible}
                         RETURNING *"""))
                .bind("id", trackId)
                .bind("userId", Parameter.fromOrEmpty(userId, String.class))
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .bind("lifetime", seconds(linkLifetime))
                .map(TrackStore::toTrack)
                .one();
    }

    /** Keys of copies the archiver did not report are kept, so a partial re-run never forgets one. */
    Mono<Long> recordArchived(String trackId, String userId, ArchivedKeys keys, Instant archivedAt, Instant now) {
        return db.sql("""
                        UPDATE tracks
                           SET archived_at = :archivedAt,
                               archived_audio_key = coalesce(:audio, archived_audio_key),
                               archived_cover_key = coalesce(:cover, archived_cover_key),
                               archived_video_key = coalesce(:video, archived_video_key),
                               archive_due_at = NULL, last_archive_error = NULL,
                               updated_at = :now, version = version + 1
                         WHERE id = :id AND user_id = :userId
                           -- A purge under way took the keys it deletes when it started: copies recorded now would
                           -- outlive it unlisted. They stay unrecorded, and the orphan sweep removes them.
                           AND status NOT IN ('PURGING', 'DELETE_FAILED')""")
                .bind("id", trackId)
                .bind("userId", userId)
                .bind("archivedAt", archivedAt)
                .bind("audio", Parameter.fromOrEmpty(keys.audio(), String.class))
                .bind("cover", Parameter.fromOrEmpty(keys.cover(), String.class))
                .bind("video", Parameter.fromOrEmpty(keys.video(), String.class))
                .bind("now", now)
                .fetch()
                .rowsUpdated();
    }

    /**
     * Records a failed attempt. A retryable one re-arms the timer {@code backoff} × the attempts so
     * far from now, if that is still before the links expire; otherwise the timer is disarmed and
     * the reason stays as the last error. Answers the new due time (null when disarmed); empty when
     * the track is unknown or already archived.
     */
    Mono<Rearmed> recordFailure(String trackId, String userId, String reason, boolean retryable, Instant now,
                                Duration backoff, Duration linkLifetime) {
        return db.sql(sql("""
                        UPDATE tracks
                           SET last_archive_error = :reason,
                               archive_due_at = CASE
                                   WHEN :retryable AND {retryAt} < {expiry} THEN {retryAt}
                                   ELSE NULL END
                         WHERE id = :id AND user_id = :userId AND archived_at IS NULL
                         RETURNING archive_due_at, archive_attempts""")
                        .replace("{retryAt}", "(:now + greatest(archive_attempts, 1) * :backoff * interval '1 second')"))
                .bind("id", trackId)
                .bind("userId", userId)
                .bind("reason", reason)
                .bind("retryable", retryable)
                .bind("now", now)
                .bind("backoff", seconds(backoff))
                .bind("lifetime", seconds(linkLifetime))
                .map(row -> new Rearmed(row.get("archive_due_at", Instant.class), row.get("archive_attempts", Integer.class)))
                .one();
    }

    Mono<ArchiveStatistics> statistics(Instant now, Instant urgentBefore, Duration linkLifetime) {
        return db.sql(sql("""
                        SELECT count(*) FILTER (WHERE archived_at IS NOT NULL) AS archived,
                               count(*) FILTER (WHERE archived_at IS NULL AND ({expiry} <= :now OR {stopped})) AS lost,
                               avg(extract(epoch FROM {expiry} - archived_at)) FILTER (WHERE archived_at IS NOT NULL)
                                   AS lead_seconds,
                               count(*) FILTER (WHERE archived_at IS NULL AND {expiry} > :now) AS pending,
                               count(*) FILTER (WHERE archived_at IS NULL AND {expiry} > :now
                                                  AND {expiry} <= :urgentBefore) AS urgent,
                               count(*) FILTER (WHERE archived_at IS NULL AND {expiry} <= :now) AS expired,
                               count(*) AS total
                          FROM tracks
                         WHERE source = 'PROVIDER' AND status NOT IN ('PURGING', 'DELETE_FAILED')"""))
                .bind("now", now)
                .bind("urgentBefore", urgentBefore)
                .bind("lifetime", seconds(linkLifetime))
                .map(row -> {
                    long archived = row.get("archived", Long.class);
                    long total = row.get("total", Long.class);
                    double percentage = total == 0 ? 0 : BigDecimal.valueOf(archived * 100.0 / total)
                            .setScale(2, RoundingMode.HALF_UP).doubleValue();
                    long lost = row.get("lost", Long.class);
                    double failureRate = archived + lost == 0 ? 0 : BigDecimal.valueOf((double) lost / (archived + lost))
                            .setScale(4, RoundingMode.HALF_UP).doubleValue();
                    BigDecimal leadSeconds = row.get("lead_seconds", BigDecimal.class);
                    Duration averageLead = leadSeconds == null ? null
                            : Duration.ofMillis(leadSeconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue());
                    return new ArchiveStatistics(archived, row.get("pending", Long.class), row.get("urgent", Long.class),
                            row.get("expired", Long.class), percentage, failureRate, averageLead);
                })
                .one();
    }

    /**
     * The user's provider tracks at risk, most urgent first: archiving stopped with an error (nothing will try
     * again), or not archived and the links expire before {@code warnBefore} (or already have).
     */
    Flux<ArchiveWarning> warnings(String userId, Instant now, Instant warnBefore, Duration linkLifetime) {
        return db.sql(sql("""
                        SELECT id, title, last_archive_error, {expiry} AS expires_at,
                               CASE WHEN {expiry} <= :now THEN 'EXPIRED'
                                    WHEN {stopped} THEN 'FAILED'
                                    ELSE 'EXPIRING' END AS reason
                          FROM tracks
                         WHERE user_id = :userId AND source = 'PROVIDER' AND archived_at IS NULL
                           AND status IN {visible}
                           AND ({expiry} <= :warnBefore OR {stopped})
                         ORDER BY expires_at, id"""))
                .bind("userId", userId)
                .bind("now", now)
                .bind("warnBefore", warnBefore)
                .bind("lifetime", seconds(linkLifetime))
                .map(row -> new ArchiveWarning(row.get("id", String.class), row.get("title", String.class),
                        row.get("reason", String.class), row.get("expires_at", Instant.class),
                        row.get("last_archive_error", String.class)))
                .all();
    }

    /**
     * One page of the jobs view, soonest expiry first (then id); {@code after} null for the first page. Provider
     * tracks not archived and not being purged.
     */
    Flux<JobRow> jobs(ArchiveJobFilter filter, ArchiveJobCursor after, Instant now, Instant urgentBefore,
                      Duration linkLifetime, int limit) {
        String state = switch (filter) {
            case PENDING -> "{expiry} > :now AND archive_due_at IS NOT NULL";
            case URGENT -> "{expiry} > :now AND archive_due_at IS NOT NULL AND {expiry} <= :urgentBefore";
            case FAILED -> "{stopped}";
        };
        var spec = db.sql(sql("""
                        SELECT *, {expiry} AS expires_at FROM tracks
                         WHERE source = 'PROVIDER' AND archived_at IS NULL AND status NOT IN ('PURGING', 'DELETE_FAILED')
                           AND {state} {after}
                         ORDER BY expires_at, id
                         LIMIT :limit""".replace("{state}", state)
                        .replace("{after}", after == null ? "" : "AND ({expiry}, id) > (:afterExpiry, :afterId)")))
                .bind("lifetime", seconds(linkLifetime))
                .bind("limit", limit);
        if (filter != ArchiveJobFilter.FAILED) {
            spec = spec.bind("now", now);
        }
        if (filter == ArchiveJobFilter.URGENT) {
            spec = spec.bind("urgentBefore", urgentBefore);
        }
        if (after != null) {
            spec = spec.bind("afterExpiry", after.expiresAt()).bind("afterId", after.trackId());
        }
        return spec.map(row -> new JobRow(TrackStore.toTrack(row), row.get("expires_at", Instant.class))).all();
    }

    Mono<Long> countDue(Instant now) {
        return db.sql("SELECT count(*) AS n FROM tracks WHERE archived_at IS NULL AND archive_due_at <= :now")
                .bind("now", now)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    private static String sql(String template) {
        return template.replace("{stopped}", STOPPED).replace("{expiry}", EXPIRY).replace("{archivable}", ARCHIVABLE)
                .replace("{visible}", TrackStatus.VISIBLE_SQL);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    record Disarmed(String trackId, String userId, boolean expired) {
    }

    record Rearmed(Instant dueAt, int attempts) {
    }

    record ArchivedKeys(String audio, String cover, String video) {
    }

    /** A job's track, and when its links expire (the provider's word or the default lifetime). */
    record JobRow(Track track, Instant expiresAt) {
    }
}
