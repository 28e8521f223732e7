package io.novatune.trackapi.deletion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.events.TrackPurged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What a {@code TrackPurged} from the lifecycle worker does here: the row goes, and the quota comes back. */
@Service
public class PurgeResults {

    private static final Logger log = LoggerFactory.getLogger(PurgeResults.class);

    private final DeletionStore store;
    private final Counter physicalDeletions;

    public PurgeResults(DeletionStore store, MeterRegistry meters) {
        this.store = store;
        this.physicalDeletions = Counter.builder("track.physical.deletions")
                .description("Tracks whose objects were deleted and whose row was removed")
                .register(meters);
    }

    /**
     * The effect, to run inside the caller's transaction (with its inbox entry). Empty when no row
     * is being purged under that id: a replay, an orphan-sweep result, or a track that was never
     * claimed. The quota changes only here, by the size the quota counted.
     */
    public Mono<PurgedTrack> apply(TrackPurged event) {
        return store.deletePurged(event.getTrackId(), event.getUserId())
                .flatMap(purged -> store.releaseQuota(purged.userId(), purged.fileSizeBytes()).thenReturn(purged));
    }

    /** Called once the effect committed, so a rolled-back effect is never counted. */
    public void committed(PurgedTrack purged) {
        physicalDeletions.increment();
        log.info("Track {} of user {} purged; {} bytes of quota released", purged.trackId(), purged.userId(),
                purged.fileSizeBytes());
    }
}
