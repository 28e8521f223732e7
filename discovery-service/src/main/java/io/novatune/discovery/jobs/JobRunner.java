package io.novatune.discovery.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.discovery.catalog.CatalogStore;
import io.novatune.discovery.catalog.DiscoveryRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs identification jobs: the entries still pending, {@code parallelEntries} at a time, each within
 * {@code entryTimeout} (beyond it the entry fails, the job goes on); each outcome is written with its catalog track
 * and discovery record in one transaction, so a job killed at any point resumes with exactly the entries that have
 * no outcome. Holds a lease on each job it runs and renews it; the sweep claims jobs whose lease ran out.
 */
@Component
public class JobRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final DiscoveryJobStore jobs;
    private final CatalogStore catalog;
    private final EntryIdentifier identifier;
    private final TransactionalOperator transactions;
    private final JobProperties properties;
    private final Clock clock;
    private final Counter entries;
    private final Map<String, Disposable> running = new ConcurrentHashMap<>();
    private volatile Disposable sweep;
    private volatile Disposable renewal;

    public JobRunner(DiscoveryJobStore jobs, CatalogStore catalog, EntryIdentifier identifier, TransactionalOperator transactions,
                     JobProperties properties, Optional<Clock> clock, MeterRegistry meters) {
        this.jobs = jobs;
        this.catalog = catalog;
        this.identifier = identifier;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock.orElseGet(Clock::systemUTC);
        this.entries = Counter.builder("discovery_entries_identified_total")
                .description("Tracklist entries that got an outcome (identified, provisional or failed)").register(meters);
    }

    /** Runs a job this instance holds the lease of, unless it already does. */
    void run(DiscoveryJobStore.Claimed job) {
        running.computeIfAbsent(job.jobId(), id -> process(job)
                .doFinally(signal -> running.remove(id))
                .subscribe(null, error -> log.warn("discovery job {} stopped: {}; the sweep resumes it", id, error.toString())));
    }

    private Mono<Void> process(DiscoveryJobStore.Claimed job) {
        return jobs.pending(job.jobId())
                .flatMapMany(Flux::fromIterable)
                .flatMap(entry -> identifier.identify(job.userId(), entry)
                        .timeout(properties.entryTimeout(), Mono.fromSupplier(() -> EntryOutcome.failed(
                                "not identified within " + properties.entryTimeout().toSeconds() + " s")))
                        .onErrorResume(error -> !(error instanceof org.springframework.dao.DataAccessException),
                                error -> Mono.just(EntryOutcome.failed("identification failed: " + error.getMessage())))
                        .flatMap(outcome -> record(job, entry, outcome)), properties.parallelEntries())
                .then(Mono.defer(() -> jobs.finish(job.jobId(), clock.instant())))
                .doOnNext(finished -> {
                    if (finished) {
                        log.info("discovery job {} of tracklist {} completed", job.jobId(), job.tracklistId());
                    }
                })
                .then();
    }

    private Mono<Void> record(DiscoveryJobStore.Claimed job, JobEntry entry, EntryOutcome outcome) {
        Mono<Optional<String>> track = outcome.track() == null ? Mono.just(Optional.empty())
                : catalog.upsert(job.userId(), outcome.track(), clock.instant())
                        .flatMap(id -> catalog.record(job.userId(), id, new DiscoveryRecord(job.tracklistId(), entry.position(),
                                job.jobId(), outcome.confidence().name(), outcome.distance(), outcome.method(), outcome.sources(),
                                clock.instant())).thenReturn(Optional.of(id)));
        return transactions.transactional(track.flatMap(id -> jobs.recordOutcome(entry, outcome, id.orElse(null), clock.instant())))
                .doOnSuccess(done -> entries.increment());
    }

    /** Claims every abandoned job there is and runs it. */
    Mono<Void> sweepOnce() {
        Mono<DiscoveryJobStore.Claimed> claim = Mono.defer(() -> jobs.claimAbandoned(Set.copyOf(running.keySet()),
                clock.instant(), properties.lease()));
        return claim.expand(previous -> claim)
                .doOnNext(job -> {
                    log.info("resuming discovery job {} of tracklist {}", job.jobId(), job.tracklistId());
                    run(job);
                })
                .then();
    }

    @Override
    public synchronized void start() {
        sweep = Flux.interval(Duration.ZERO, properties.sweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> sweepOnce().onErrorResume(error -> {
                    log.warn("the discovery job sweep failed: {}", error.toString());
                    return Mono.empty();
                }))
                .subscribe();
        renewal = Flux.interval(properties.lease().dividedBy(3))
                .onBackpressureDrop()
                .concatMap(tick -> jobs.renew(Set.copyOf(running.keySet()), clock.instant(), properties.lease())
                        .onErrorResume(error -> Mono.empty()))
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (sweep != null) {
            sweep.dispose();
            renewal.dispose();
        }
        Set<String> stopped = Set.copyOf(running.keySet());
        running.values().forEach(Disposable::dispose);
        jobs.release(stopped).onErrorResume(error -> Mono.empty()).block(Duration.ofSeconds(5));
        sweep = null;
    }

    @Override
    public boolean isRunning() {
        return sweep != null;
    }
}
