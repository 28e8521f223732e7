package io.novatune.discovery.jobs;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Jobs and their entries in the {@code discovery} database (ADR 0017): the durable state a restarted job resumes from. */
@Component
public class DiscoveryJobStore {

    /** A job an instance holds the lease of. */
    record Claimed(String jobId, String userId, String tracklistId) {
    }

    private final DatabaseClient db;

    public DiscoveryJobStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(Claimed job, List<JobEntry> entries, Instant now, Duration lease) {
        Mono<Void> head = db.sql("""
                INSERT INTO discovery_jobs (id, user_id, tracklist_id, status, total, lease_until, created_at, updated_at)
                VALUES (:id, :userId, :tracklistId, 'RUNNING', :total, :leaseUntil, :now, :now)""")
                .bind("id", job.jobId()).bind("userId", job.userId()).bind("tracklistId", job.tracklistId())
                .bind("total", entries.size()).bind("leaseUntil", offset(now.plus(lease))).bind("now", offset(now))
                .then();
        Flux<Long> rows = Flux.fromIterable(entries).concatMap(entry -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql("""
                    INSERT INTO discovery_job_entries (job_id, seq, position, artist, title, remix, label, unknown, state)
                    VALUES (:jobId, :seq, :position, :artist, :title, :remix, :label, :unknown, 'PENDING')""")
                    .bind("jobId", job.jobId()).bind("seq", entry.seq()).bind("position", entry.position())
                    .bind("unknown", entry.unknown());
            spec = nullable(spec, "artist", entry.artist());
            spec = nullable(spec, "title", entry.title());
            spec = nullable(spec, "remix", entry.remix());
            spec = nullable(spec, "label", entry.label());
            return spec.fetch().rowsUpdated();
        });
        return head.then(rows.then());
    }

    /** Takes the lease of one running job nobody holds (its instance died or stopped), oldest first. */
    Mono<Claimed> claimAbandoned(Collection<String> runningHere, Instant now, Duration lease) {
        return db.sql("""
                UPDATE discovery_jobs SET lease_until = :leaseUntil, updated_at = :now
                WHERE id = (SELECT id FROM discovery_jobs
                            WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until < :now) AND NOT (id = ANY(:running))
                            ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, user_id, tracklist_id""")
                .bind("leaseUntil", offset(now.plus(lease))).bind("now", offset(now))
                .bind("running", runningHere.toArray(String[]::new))
                .map(row -> new Claimed(row.get("id", String.class), row.get("user_id", String.class),
                        row.get("tracklist_id", String.class)))
                .one();
    }

    Mono<Void> renew(Collection<String> jobIds, Instant now, Duration lease) {
        if (jobIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE discovery_jobs SET lease_until = :leaseUntil WHERE id = ANY(:ids) AND status = 'RUNNING'")
                .bind("leaseUntil", offset(now.plus(lease))).bind("ids", jobIds.toArray(String[]::new)).then();
    }

    /** Gives the leases up, so that another instance resumes the jobs at once rather than after the lease. */
    Mono<Void> release(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("UPDATE discovery_jobs SET lease_until = NULL WHERE id = ANY(:ids) AND status = 'RUNNING'")
                .bind("ids", jobIds.toArray(String[]::new)).then();
    }

    Mono<List<JobEntry>> pending(String jobId) {
        return db.sql("SELECT * FROM discovery_job_entries WHERE job_id = :jobId AND state = 'PENDING' ORDER BY seq")
                .bind("jobId", jobId)
                .map(row -> new JobEntry(jobId, row.get("seq", Integer.class), row.get("position", Integer.class),
                        row.get("artist", String.class), row.get("title", String.class), row.get("remix", String.class),
                        row.get("label", String.class), Boolean.TRUE.equals(row.get("unknown", Boolean.class))))
                .all().collectList();
    }

    /** The entry's outcome and the job's counters, once: an entry no longer pending is left as it is. */
    Mono<Void> recordOutcome(JobEntry entry, EntryOutcome outcome, String catalogTrackId, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                UPDATE discovery_job_entries SET state = :state, catalog_track_id = :trackId, confidence = :confidence,
                       distance = :distance, method = :method, sources = :sources, reason = :reason
                WHERE job_id = :jobId AND seq = :seq AND state = 'PENDING'""")
                .bind("jobId", entry.jobId()).bind("seq", entry.seq()).bind("state", outcome.state().name())
                .bind("sources", String.join(",", outcome.sources()));
        spec = nullable(spec, "trackId", catalogTrackId);
        spec = nullable(spec, "confidence", outcome.confidence() == null ? null : outcome.confidence().name());
        spec = outcome.distance() == null ? spec.bindNull("distance", Double.class) : spec.bind("distance", outcome.distance());
        spec = nullable(spec, "method", outcome.method());
        spec = nullable(spec, "reason", outcome.reason());
        return spec.fetch().rowsUpdated().flatMap(updated -> updated == 0 ? Mono.empty() : db.sql("""
                        UPDATE discovery_jobs SET done = done + 1,
                               identified = identified + :identified, provisional = provisional + :provisional,
                               failed = failed + :failed, updated_at = :now
                        WHERE id = :jobId""")
                .bind("jobId", entry.jobId()).bind("now", offset(now))
                .bind("identified", outcome.state() == EntryState.IDENTIFIED ? 1 : 0)
                .bind("provisional", outcome.state() == EntryState.PROVISIONAL ? 1 : 0)
                .bind("failed", outcome.state() == EntryState.FAILED ? 1 : 0)
                .then());
    }

    /** Ends the job once no entry is pending, fixing the id of its TracksDiscovered (the outbox row is the job). */
    Mono<Boolean> finish(String jobId, Instant now) {
        return db.sql("""
                UPDATE discovery_jobs SET status = 'COMPLETED', finished_at = :now, updated_at = :now, event_id = :eventId,
                       lease_until = NULL
                WHERE id = :jobId AND status = 'RUNNING'
                  AND NOT EXISTS (SELECT 1 FROM discovery_job_entries WHERE job_id = :jobId AND state = 'PENDING')""")
                .bind("jobId", jobId).bind("now", offset(now)).bind("eventId", UUID.randomUUID())
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    Mono<DiscoveryJob> get(String userId, String jobId) {
        Mono<List<DiscoveryJob.Result>> results = db.sql("SELECT * FROM discovery_job_entries WHERE job_id = :jobId ORDER BY seq")
                .bind("jobId", jobId).map(DiscoveryJobStore::result).all().collectList();
        return db.sql("SELECT * FROM discovery_jobs WHERE id = :id AND user_id = :userId")
                .bind("id", jobId).bind("userId", userId)
                .map(DiscoveryJobStore::job)
                .one()
                .zipWith(results, (job, entries) -> new DiscoveryJob(job.jobId(), job.tracklistId(), job.status(), job.total(),
                        job.done(), job.identified(), job.provisional(), job.failed(), job.createdAt(), job.finishedAt(), entries));
    }

    private static DiscoveryJob job(Readable row) {
        OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
        return new DiscoveryJob(row.get("id", String.class), row.get("tracklist_id", String.class),
                JobStatus.valueOf(row.get("status", String.class)), row.get("total", Integer.class), row.get("done", Integer.class),
                row.get("identified", Integer.class), row.get("provisional", Integer.class), row.get("failed", Integer.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(), List.of());
    }

    private static DiscoveryJob.Result result(Readable row) {
        String sources = row.get("sources", String.class);
        return new DiscoveryJob.Result(row.get("position", Integer.class), row.get("artist", String.class),
                row.get("title", String.class), row.get("remix", String.class), EntryState.valueOf(row.get("state", String.class)),
                row.get("catalog_track_id", String.class), row.get("confidence", String.class), row.get("distance", Double.class),
                row.get("method", String.class),
                sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split(",")), row.get("reason", String.class));
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
