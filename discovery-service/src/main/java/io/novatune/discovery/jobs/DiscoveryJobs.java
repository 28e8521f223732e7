package io.novatune.discovery.jobs;

import com.github.f4b6a3.ulid.UlidCreator;
import io.novatune.discovery.tracklist.Entry;
import io.novatune.discovery.tracklist.Tracklists;
import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Starting an identification job for a tracklist's entries, and reading its progress. */
@Service
public class DiscoveryJobs {

    private final Tracklists tracklists;
    private final DiscoveryJobStore store;
    private final JobRunner runner;
    private final TransactionalOperator transactions;
    private final JobProperties properties;
    private final Clock clock;

    public DiscoveryJobs(Tracklists tracklists, DiscoveryJobStore store, JobRunner runner, TransactionalOperator transactions,
                         JobProperties properties, Optional<Clock> clock) {
        this.tracklists = tracklists;
        this.store = store;
        this.runner = runner;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** The job, running: its entries are copied from the tracklist (all of them, or those at the positions). */
    public Mono<DiscoveryJob> start(String userId, String tracklistId, DiscoverTracksRequest request) {
        return Mono.defer(() -> {
            boolean all = Boolean.TRUE.equals(request.processAll());
            List<Integer> positions = request.positions() == null ? List.of() : request.positions();
            if (all == !positions.isEmpty()) {
                throw new InvalidRequestException("positions", "give either processAll: true or the positions to identify");
            }
            return tracklists.get(userId, tracklistId).flatMap(tracklist -> {
                List<JobEntry> entries = select(tracklist.entries(), all, positions);
                if (entries.size() > properties.maxEntries()) {
                    throw new InvalidRequestException(all ? "processAll" : "positions", "a job identifies at most "
                            + properties.maxEntries() + " entries; this would be " + entries.size()
                            + ": ask for the positions in parts");
                }
                if (entries.isEmpty()) {
                    throw new InvalidRequestException("processAll", "the tracklist has no entries");
                }
                String jobId = UlidCreator.getMonotonicUlid().toString();
                DiscoveryJobStore.Claimed job = new DiscoveryJobStore.Claimed(jobId, userId, tracklistId);
                List<JobEntry> numbered = new ArrayList<>();
                for (int seq = 0; seq < entries.size(); seq++) {
                    JobEntry entry = entries.get(seq);
                    numbered.add(new JobEntry(jobId, seq, entry.position(), entry.artist(), entry.title(), entry.remix(),
                            entry.label(), entry.unknown()));
                }
                return transactions.transactional(store.insert(job, numbered, clock.instant(), properties.lease()))
                        .then(Mono.fromRunnable(() -> runner.run(job)))
                        .then(store.get(userId, jobId));
            });
        });
    }

    public Mono<DiscoveryJob> get(String userId, String jobId) {
        return store.get(userId, jobId).switchIfEmpty(Mono.error(() -> new DiscoveryJobNotFoundException(jobId)));
    }

    private static List<JobEntry> select(List<Entry> entries, boolean all, List<Integer> positions) {
        Set<Integer> wanted = new LinkedHashSet<>(positions);
        Set<Integer> present = new LinkedHashSet<>();
        entries.forEach(entry -> present.add(entry.position()));
        List<Integer> missing = wanted.stream().filter(position -> !present.contains(position)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("positions", "the tracklist has no entry at " + missing);
        }
        return entries.stream()
                .filter(entry -> all || wanted.contains(entry.position()))
                .map(entry -> new JobEntry(null, 0, entry.position(), entry.artist(), entry.title(), entry.remix(),
                        entry.label(), entry.unknown()))
                .toList();
    }
}
