package io.novatune.discovery.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.events.DiscoveredTrack;
import io.novatune.events.Topics;
import io.novatune.events.TracksDiscovered;
import io.r2dbc.spi.Readable;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The only path from a finished job to {@code tracks-discovered} (ADR 0017, the ledger-as-outbox of ADR 0005): the
 * job row is the outbox. In one transaction it locks finished, unpublished jobs ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas share the work), sends each one's {@code TracksDiscovered} (key = tracklist id) with the event id fixed
 * when the job ended, waits for Kafka's acknowledgement and marks it published. A crash before the commit sends the
 * same event again; nothing is lost.
 */
@Component
public class TracksDiscoveredRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TracksDiscoveredRelay.class);

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final OutboxProperties settings;
    private final Clock clock;
    private final Counter published;
    private volatile Disposable relay;

    public TracksDiscoveredRelay(DatabaseClient db, TransactionalOperator transactions, KafkaTemplate<String, SpecificRecord> kafka,
                                 OutboxProperties settings, Optional<Clock> clock, MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock.orElseGet(Clock::systemUTC);
        this.published = Counter.builder("discovery_tracks_discovered_published_total")
                .description("TracksDiscovered events Kafka acknowledged").register(meters);
    }

    private record FinishedJob(String jobId, String userId, String tracklistId, UUID eventId, OffsetDateTime finishedAt,
                               int total, int identified, int provisional, int failed) {
    }

    /** Publishes one batch; answers how many jobs it published. */
    Mono<Integer> relayOnce() {
        Mono<Integer> batch = db.sql("""
                SELECT * FROM discovery_jobs WHERE status = 'COMPLETED' AND published_at IS NULL
                ORDER BY finished_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("limit", settings.batchSize())
                .map(TracksDiscoveredRelay::finished).all()
                .concatMap(job -> event(job).flatMap(event -> send(job, event))
                        .then(db.sql("UPDATE discovery_jobs SET published_at = :now WHERE id = :id")
                                .bind("now", clock.instant().atOffset(ZoneOffset.UTC)).bind("id", job.jobId()).then())
                        .thenReturn(1))
                .reduce(0, Integer::sum);
        return transactions.transactional(batch).doOnNext(published::increment);
    }

    /**
     * The producer's {@code send} itself blocks while it has no metadata for the topic (Kafka down, topic missing:
     * up to max.block.ms), so it is called off the Netty event loop this chain runs on, which the HTTP server and the
     * R2DBC driver share.
     */
    private Mono<?> send(FinishedJob job, TracksDiscovered event) {
        return Mono.fromFuture(() -> kafka.send(Topics.TRACKS_DISCOVERED, job.tracklistId(), event))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(settings.sendTimeout());
    }

    private Mono<TracksDiscovered> event(FinishedJob job) {
        return db.sql("""
                SELECT e.position, e.confidence, e.method, e.sources, t.id, t.artist, t.title, t.version, t.isrc,
                       t.musicbrainz_id, t.discogs_id
                FROM discovery_job_entries e JOIN catalog_tracks t ON t.id = e.catalog_track_id
                WHERE e.job_id = :jobId ORDER BY e.seq""")
                .bind("jobId", job.jobId())
                .map(TracksDiscoveredRelay::track).all().collectList()
                .map(tracks -> TracksDiscovered.newBuilder()
                        .setEventId(job.eventId().toString()).setOccurredAt(job.finishedAt().toInstant())
                        .setJobId(job.jobId()).setTracklistId(job.tracklistId()).setUserId(job.userId())
                        .setTotal(job.total()).setIdentified(job.identified()).setProvisional(job.provisional())
                        .setFailed(job.failed()).setTracks(tracks)
                        .build());
    }

    private static FinishedJob finished(Readable row) {
        return new FinishedJob(row.get("id", String.class), row.get("user_id", String.class), row.get("tracklist_id", String.class),
                row.get("event_id", UUID.class), row.get("finished_at", OffsetDateTime.class), row.get("total", Integer.class),
                row.get("identified", Integer.class), row.get("provisional", Integer.class), row.get("failed", Integer.class));
    }

    private static DiscoveredTrack track(Readable row) {
        Map<String, String> externalIds = new HashMap<>();
        Optional.ofNullable(row.get("musicbrainz_id", String.class)).ifPresent(id -> externalIds.put("musicbrainz", id));
        Optional.ofNullable(row.get("discogs_id", String.class)).ifPresent(id -> externalIds.put("discogs", id));
        String sources = row.get("sources", String.class);
        return DiscoveredTrack.newBuilder()
                .setPosition(row.get("position", Integer.class)).setCatalogTrackId(row.get("id", String.class))
                .setArtist(row.get("artist", String.class)).setTitle(row.get("title", String.class))
                .setVersion(row.get("version", String.class)).setIsrc(row.get("isrc", String.class))
                .setConfidence(row.get("confidence", String.class)).setMethod(row.get("method", String.class))
                .setSources(sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split(",")))
                .setExternalIds(externalIds)
                .build();
    }

    @Override
    public synchronized void start() {
        relay = Flux.interval(settings.interval())
                .onBackpressureDrop()
                .concatMap(tick -> relayOnce().onErrorResume(error -> {
                    log.warn("tracks-discovered relay failed; the jobs stay unpublished and go next round: {}", error.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (relay != null) {
            relay.dispose();
            relay = null;
        }
    }

    @Override
    public boolean isRunning() {
        return relay != null;
    }
}
