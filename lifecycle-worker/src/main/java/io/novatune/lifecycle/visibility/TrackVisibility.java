package io.novatune.lifecycle.visibility;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.events.TrackDeleted;
import io.novatune.events.TrackRestored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What changes here at once when a track is hidden (soft-deleted) or comes back. Nothing is deleted: a deleted
 * track stays restorable until track-api claims it for the purge, and only {@code TrackPurgeDue} deletes.
 * <p>
 * Nothing else needs hiding: the bucket is private, nothing is served from it publicly or cached by this
 * service, and playback goes through track-api's signed links, which it serves itself and checks against the
 * track on every request (docs/runbooks/lifecycle-worker.md). So the effects are the record of it: a counter
 * and a structured log line.
 */
@Service
public class TrackVisibility {

    private static final Logger log = LoggerFactory.getLogger(TrackVisibility.class);

    private final Counter hidden;
    private final Counter restored;

    public TrackVisibility(MeterRegistry meters) {
        this.hidden = changes(meters, "hidden");
        this.restored = changes(meters, "restored");
    }

    private static Counter changes(MeterRegistry meters, String change) {
        return Counter.builder("track.visibility.changes")
                .description("Tracks soft-deleted (hidden) and restored, as seen on track-deleted")
                .tag("change", change)
                .register(meters);
    }

    public void hidden(TrackDeleted event) {
        hidden.increment();
        log.atInfo()
                .addKeyValue("trackId", event.getTrackId())
                .addKeyValue("userId", event.getUserId())
                .addKeyValue("eventId", event.getEventId())
                .addKeyValue("deletedAt", event.getDeletedAt().toString())
                .addKeyValue("scheduledDeletionAt", event.getScheduledDeletionAt().toString())
                .addKeyValue("statusBeforeDeletion", event.getStatusBeforeDeletion())
                .addKeyValue("objectCount", event.getObjectKeys().size())
                .addKeyValue("fileSizeBytes", event.getFileSizeBytes())
                .log("track hidden: soft-deleted, restorable until its scheduled deletion");
    }

    public void restored(TrackRestored event) {
        restored.increment();
        log.atInfo()
                .addKeyValue("trackId", event.getTrackId())
                .addKeyValue("userId", event.getUserId())
                .addKeyValue("eventId", event.getEventId())
                .addKeyValue("restoredAt", event.getRestoredAt().toString())
                .addKeyValue("restoredStatus", event.getRestoredStatus())
                .log("track restored: its objects stay");
    }
}
