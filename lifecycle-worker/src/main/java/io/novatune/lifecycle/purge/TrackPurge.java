package io.novatune.lifecycle.purge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.lifecycle.config.ObjectKeyLogging;
import io.novatune.lifecycle.storage.ObjectStore;
import io.novatune.lifecycle.storage.TrackObjectKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Physical deletion of a purged track: every object it names is deleted (one that is already missing counts
 * as deleted), then the result is announced. Stateless and idempotent: a second run finds the objects gone,
 * frees nothing and announces again, which track-api ignores.
 * <p>
 * A failure propagates, so the record is retried by the listener's error handler; nothing is announced until
 * every object is gone.
 */
@Service
public class TrackPurge {

    private static final Logger log = LoggerFactory.getLogger(TrackPurge.class);

    private final ObjectStore store;
    private final TrackObjectKeys trackKeys;
    private final PurgeAnnouncer announcer;
    private final ObjectKeyLogging keyLogging;
    private final Counter deleted;
    private final Counter alreadyGone;
    private final Counter objectsDeleted;
    private final Counter bytesFreed;
    private final Map<PurgeFailure, Counter> failures = new EnumMap<>(PurgeFailure.class);

    public TrackPurge(ObjectStore store, TrackObjectKeys trackKeys, PurgeAnnouncer announcer,
                      ObjectKeyLogging keyLogging, MeterRegistry meters) {
        this.store = store;
        this.trackKeys = trackKeys;
        this.announcer = announcer;
        this.keyLogging = keyLogging;
        // Registered up front so that dashboards and alerts see zeros rather than missing series.
        this.deleted = deletions(meters, "deleted");
        this.alreadyGone = deletions(meters, "already_gone");
        this.objectsDeleted = Counter.builder("track.objects.deleted")
                .description("Objects removed from storage").tag("source", "purge").register(meters);
        this.bytesFreed = Counter.builder("track.storage.bytes.freed")
                .description("Bytes removed from storage").tag("source", "purge").register(meters);
        for (PurgeFailure failure : PurgeFailure.values()) {
            failures.put(failure, Counter.builder("track.physical.deletion.failures")
                    .description("Purge attempts that failed, by reason; a failed attempt is retried")
                    .tag("reason", failure.tag()).register(meters));
        }
    }

    private static Counter deletions(MeterRegistry meters, String result) {
        return Counter.builder("track.physical.deletions")
                .description("Purges completed: deleted = this purge removed objects, already_gone = nothing was left")
                .tag("result", result)
                .register(meters);
    }

    public PurgeOutcome purge(PurgeRequest request) {
        List<String> foreign = request.objectKeys().stream()
                .filter(key -> !trackKeys.belongsTo(key, request.userId(), request.trackId()))
                .toList();
        if (!foreign.isEmpty()) {
            failed(request, PurgeFailure.FOREIGN_OBJECT_KEY, null);
            keyLogging.withKeys(log.atError(), "foreignObjectKeys", foreign)
                    .addKeyValue("trackId", request.trackId())
                    .addKeyValue("userId", request.userId())
                    .addKeyValue("purgeDueEventId", request.purgeDueEventId())
                    .log("purge refused: it names objects of another track");
            throw new ForeignObjectKeyException(request.trackId(), foreign.size());
        }

        PurgeOutcome outcome = deleteAll(request);
        try {
            announcer.announce(outcome);
        } catch (RuntimeException e) {
            failed(request, PurgeFailure.PUBLISH_FAILED, e);
            throw e;
        }
        return outcome;
    }

    private PurgeOutcome deleteAll(PurgeRequest request) {
        List<String> removed = new ArrayList<>();
        long freed = 0;
        for (String key : request.objectKeys()) {
            OptionalLong size;
            try {
                size = store.deleteIfPresent(key);
            } catch (RuntimeException e) {
                failed(request, PurgeFailure.ofStorage(e), e);
                throw e;
            }
            if (size.isPresent()) {
                // Counted as it happens: a later failure retries the purge, and the retry finds this object gone.
                removed.add(key);
                freed += size.getAsLong();
                objectsDeleted.increment();
                bytesFreed.increment(size.getAsLong());
            }
        }
        PurgeOutcome outcome = new PurgeOutcome(request.trackId(), request.userId(), request.purgeDueEventId(),
                request.objectKeys(), removed, freed);
        (outcome.alreadyGone() ? alreadyGone : deleted).increment();
        keyLogging.withKeys(log.atInfo(), "objectKeys", request.objectKeys())
                .addKeyValue("trackId", request.trackId())
                .addKeyValue("userId", request.userId())
                .addKeyValue("purgeDueEventId", request.purgeDueEventId())
                .addKeyValue("attempt", request.attempt())
                .addKeyValue("objectsDeleted", removed.size())
                .addKeyValue("objectsAlreadyGone", request.objectKeys().size() - removed.size())
                .addKeyValue("bytesFreed", freed)
                .log(outcome.alreadyGone() ? "track purged: nothing was left to delete" : "track purged");
        return outcome;
    }

    private void failed(PurgeRequest request, PurgeFailure reason, RuntimeException cause) {
        failures.get(reason).increment();
        if (cause != null) {
            log.atWarn()
                    .addKeyValue("trackId", request.trackId())
                    .addKeyValue("userId", request.userId())
                    .addKeyValue("purgeDueEventId", request.purgeDueEventId())
                    .addKeyValue("reason", reason.tag())
                    .addKeyValue("error", cause.toString())
                    .log("purge attempt failed");
        }
    }
}
