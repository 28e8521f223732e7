package io.novatune.archiver.archiving;

import io.novatune.events.ArchiveDue;
import io.novatune.events.ArchiveFailed;
import io.novatune.events.ArchivedAsset;
import io.novatune.events.AssetKind;
import io.novatune.events.TrackArchived;
import io.novatune.events.kafka.UnprocessableEventException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An {@code ArchiveDue} in, one result out: every asset present is archived (in parallel, within the instance's
 * {@code max-in-flight}, several tracks at once) and the answer is a {@code TrackArchived} with all of them or an
 * {@code ArchiveFailed} naming what failed. A track is archived only when all of its files are: the copies made meanwhile are kept
 * and reused by the next attempt.
 */
@Service
public class TrackArchiving implements DisposableBean {

    private static final int MAX_ID_LENGTH = 128;
    private static final Logger log = LoggerFactory.getLogger(TrackArchiving.class);

    private final AssetArchiver assets;
    private final ArchiveResultsPublisher results;
    private final ArchiveMetrics metrics;
    private final Clock clock;
    private final Semaphore slots;
    private final ExecutorService workers;

    public TrackArchiving(AssetArchiver assets, ArchiveResultsPublisher results, ArchiveMetrics metrics,
                          ArchivingProperties properties, Clock clock) {
        this.assets = assets;
        this.results = results;
        this.metrics = metrics;
        this.clock = clock;
        this.slots = new Semaphore(properties.maxInFlight(), true);
        AtomicInteger threads = new AtomicInteger();
        // At most max-in-flight of these run at once (the semaphore); the pool itself needs no bound.
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "archive-asset-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A track being archived: its {@code ArchiveDue} and one outcome to come per asset. */
    public record Started(ArchiveDue due, List<CompletableFuture<AssetOutcome>> outcomes) {
    }

    /**
     * Starts copying every asset of the track, each on a worker of its own. Blocks the calling listener thread
     * while the instance has no free slot, so no more records are polled meanwhile (back-pressure).
     *
     * @throws UnprocessableEventException the event can never be archived (an id unfit for an object key)
     */
    public Started start(ArchiveDue due) {
        checkIds(due);
        List<CompletableFuture<AssetOutcome>> running = new ArrayList<>();
        for (AssetJob job : jobs(due)) {
            slots.acquireUninterruptibly();
            try {
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return assets.archive(job);
                    } finally {
                        slots.release();
                    }
                }, workers));
            } catch (RuntimeException rejected) {
                slots.release();
                throw rejected;
            }
        }
        return new Started(due, running);
    }

    /** A track's result, sent to Kafka and not yet known to be acknowledged. */
    public record Publication(ArchiveDue due, SpecificRecord result, CompletableFuture<?> sent) {
    }

    /** Waits for the track's assets and sends its result; {@link #acknowledged} waits for Kafka's answer. */
    public Publication publish(Started started) {
        ArchiveDue due = started.due();
        List<AssetOutcome> outcomes = started.outcomes().stream().map(CompletableFuture::join).toList();
        SpecificRecord result = result(due, outcomes);
        return new Publication(due, result, results.send(due.getTrackId(), result));
    }

    /** Returns once Kafka acknowledged the result, so the offset may be committed. */
    public void acknowledged(Publication publication) {
        ArchiveDue due = publication.due();
        results.await(due.getTrackId(), publication.sent());
        if (publication.result() instanceof TrackArchived) {
            metrics.leadTime(Duration.between(clock.instant(), due.getProviderExpiresAt()));
        }
        log.atInfo()
                .addKeyValue("trackId", due.getTrackId())
                .addKeyValue("userId", due.getUserId())
                .addKeyValue("attempt", due.getAttempt())
                .addKeyValue("outcome", publication.result() instanceof TrackArchived ? "archived" : "failed")
                .log("archive result published");
    }

    /**
     * Waits for the track's assets without publishing anything: its record is delivered again, and a copy still
     * running then would race the next attempt's copy of the same key.
     */
    public void settle(Started started) {
        started.outcomes().forEach(CompletableFuture::join);
    }

    private static List<AssetJob> jobs(ArchiveDue due) {
        List<AssetJob> jobs = new ArrayList<>();
        add(jobs, due, AssetKind.AUDIO, due.getAudioUrl());
        add(jobs, due, AssetKind.COVER, due.getCoverUrl());
        add(jobs, due, AssetKind.VIDEO, due.getVideoUrl());
        return jobs;
    }

    private static void add(List<AssetJob> jobs, ArchiveDue due, AssetKind kind, String link) {
        if (link != null && !link.isBlank()) {
            jobs.add(new AssetJob(due.getTrackId(), due.getUserId(), due.getProviderName(), kind, link));
        }
    }

    /**
     * Ids become parts of object keys. {@link io.novatune.platform.storage.ObjectKeys} keeps any id in its own
     * segment; what is left to refuse is an empty id, or one so long that the key could pass S3's 1,024 bytes.
     */
    private static void checkIds(ArchiveDue due) {
        for (String id : List.of(due.getTrackId(), due.getUserId())) {
            if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
                throw new UnprocessableEventException("ArchiveDue " + due.getEventId()
                        + " has an id unfit for an object key: empty or longer than " + MAX_ID_LENGTH + " characters");
            }
        }
    }

    private SpecificRecord result(ArchiveDue due, List<AssetOutcome> outcomes) {
        Instant now = clock.instant();
        List<AssetOutcome.Failed> failures = outcomes.stream()
                .filter(AssetOutcome.Failed.class::isInstance).map(AssetOutcome.Failed.class::cast).toList();
        if (failures.isEmpty()) {
            List<ArchivedAsset> archived = outcomes.stream().map(AssetOutcome.Archived.class::cast)
                    .map(outcome -> ArchivedAsset.newBuilder()
                            .setKind(outcome.kind())
                            .setObjectKey(outcome.copy().key())
                            .setSizeBytes(outcome.copy().sizeBytes())
                            .setContentType(outcome.copy().contentType())
                            .setSha256(outcome.copy().sha256())
                            .build())
                    .toList();
            return TrackArchived.newBuilder()
                    .setEventId(ResultEventIds.archived(due))
                    .setOccurredAt(now)
                    .setTrackId(due.getTrackId())
                    .setUserId(due.getUserId())
                    .setAssets(archived)
                    .build();
        }
        // Retryable only if every failure is: a file that is gone will not come back by trying again.
        boolean retryable = failures.stream().allMatch(AssetOutcome.Failed::retryable);
        String reason = failures.stream()
                .map(failure -> ArchiveMetrics.kind(failure.kind()) + ": " + failure.reason()
                        + (failure.tries() > 1 ? " (after " + failure.tries() + " tries)" : ""))
                .collect(Collectors.joining("; "));
        return ArchiveFailed.newBuilder()
                .setEventId(ResultEventIds.failed(due))
                .setOccurredAt(now)
                .setTrackId(due.getTrackId())
                .setUserId(due.getUserId())
                .setAttempt(due.getAttempt())
                .setReason(reason)
                .setRetryable(retryable)
                .build();
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
