package io.novatune.trackapi.archive;

import io.novatune.events.ArchiveFailed;
import io.novatune.events.ArchivedAsset;
import io.novatune.events.TrackArchived;
import io.novatune.trackapi.track.ProviderLinkPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What the archiver's results do here. Each method is the effect only, to run inside the caller's
 * transaction together with its inbox entry.
 */
@Service
public class ArchiveResults {

    private static final Logger log = LoggerFactory.getLogger(ArchiveResults.class);
    private static final int ERROR_MAX = 2000;

    private final ArchiveStore store;
    private final Clock clock;
    private final ArchivePolicy policy;
    private final ProviderLinkPolicy links;

    public ArchiveResults(ArchiveStore store, Clock clock, ArchivePolicy policy, ProviderLinkPolicy links) {
        this.store = store;
        this.clock = clock;
        this.policy = policy;
        this.links = links;
    }

    /** Our copies' keys are recorded; playback then uses them. Answers whether a track was updated. */
    public Mono<Boolean> archived(TrackArchived event) {
        String audio = null;
        String cover = null;
        String video = null;
        for (ArchivedAsset asset : event.getAssets()) {
            switch (asset.getKind()) {
                case AUDIO -> audio = asset.getObjectKey();
                case COVER -> cover = asset.getObjectKey();
                case VIDEO -> video = asset.getObjectKey();
            }
        }
        var keys = new ArchiveStore.ArchivedKeys(audio, cover, video);
        return store.recordArchived(event.getTrackId(), event.getUserId(), keys, event.getOccurredAt(), now())
                .map(updated -> updated > 0)
                .doOnNext(updated -> {
                    if (updated) {
                        log.info("Track {} of user {} archived ({} asset(s))", event.getTrackId(), event.getUserId(),
                                event.getAssets().size());
                    }
                });
    }

    /** A retryable failure re-arms the timer with back-off while the links live; any other stops it. */
    public Mono<Boolean> failed(ArchiveFailed event) {
        String reason = event.getReason().length() > ERROR_MAX ? event.getReason().substring(0, ERROR_MAX) : event.getReason();
        return store.recordFailure(event.getTrackId(), event.getUserId(), reason, event.getRetryable(), now(),
                        policy.retryBackoff(), links.defaultLinkLifetime())
                .doOnNext(rearmed -> {
                    if (rearmed.dueAt() != null) {
                        log.info("Archive attempt {} of track {} failed ({}); retrying at {}", rearmed.attempts(),
                                event.getTrackId(), reason, rearmed.dueAt());
                    } else {
                        log.warn("Archive of track {} of user {} failed for good after {} attempt(s): {}",
                                event.getTrackId(), event.getUserId(), rearmed.attempts(), reason);
                    }
                })
                .map(rearmed -> true);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
