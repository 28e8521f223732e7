package io.novatune.ingestion.scheduling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.ingestion.scheduling.IngestionDecision.Scheduled;
import io.novatune.ingestion.scheduling.IngestionDecision.Skipped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.stereotype.Component;

/**
 * One structured log line and one counter per decision, under the same names, so a dashboard and a log
 * search agree: {@code ingestion_scheduled}, {@code ingestion_skipped}, {@code ingestion_error} (tagged
 * {@code reason}) and {@code album_ingestion_batch}. Field names are the ones operators query by.
 */
@Component
public class DecisionLog {

    public static final String SCHEDULED = "ingestion_scheduled";
    public static final String SKIPPED = "ingestion_skipped";
    public static final String ERROR = "ingestion_error";
    public static final String ALBUM_BATCH = "album_ingestion_batch";

    private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

    private final MeterRegistry meters;
    private final Counter albumBatches;

    public DecisionLog(MeterRegistry meters) {
        this.meters = meters;
        this.albumBatches = Counter.builder(ALBUM_BATCH).description("Albums handled as one batch").register(meters);
    }

    void decided(IngestionDecision decision, long durationMs) {
        if (decision instanceof Scheduled scheduled) {
            count(SCHEDULED, scheduled.reason());
            LoggingEventBuilder line = fields(log.atInfo(), SCHEDULED, decision.recording(), scheduled.isrc(),
                    "scheduled", scheduled.reason(), durationMs);
            if (scheduled.ledgerError() != null) {
                line = line.addKeyValue("error", scheduled.ledgerError());
            }
            line.log("Scheduled {} for ingestion", scheduled.isrc());
        } else if (decision instanceof Skipped skipped) {
            String reason = skipped.reason().code();
            count(SKIPPED, reason);
            Level level = skipped.reason().isInputProblem() ? Level.WARN : Level.INFO;
            fields(log.atLevel(level), SKIPPED, decision.recording(), skipped.isrc(), "skipped", reason, durationMs)
                    .log("Skipped track {} ({})", decision.recording().trackId(), reason);
        }
    }

    void albumBatch(String albumId, String userId, int totalTracks, int scheduledCount, int skippedCount, long durationMs) {
        albumBatches.increment();
        log.atInfo()
                .addKeyValue("event", ALBUM_BATCH)
                .addKeyValue("albumId", albumId)
                .addKeyValue("userId", userId)
                .addKeyValue("total_tracks", totalTracks)
                .addKeyValue("scheduled_count", scheduledCount)
                .addKeyValue("skipped_count", skippedCount)
                .addKeyValue("duration_ms", durationMs)
                .log("Album {}: {} tracks, {} scheduled, {} skipped", albumId, totalTracks, scheduledCount, skippedCount);
    }

    /**
     * Something failed while deciding or publishing. {@code error} carries the message; the throwable itself
     * is not attached, because the ECS layout would then write a second, nested {@code error} member.
     */
    public void error(String reason, String isrc, String trackTitle, Throwable error, long durationMs) {
        count(ERROR, reason);
        LoggingEventBuilder line = log.atError()
                .addKeyValue("event", ERROR)
                .addKeyValue("result", "error")
                .addKeyValue("reason", reason)
                .addKeyValue("error", describe(error));
        if (isrc != null) {
            line = line.addKeyValue("isrc", isrc);
        }
        if (trackTitle != null) {
            line = line.addKeyValue("trackTitle", trackTitle);
        }
        line.addKeyValue("duration_ms", durationMs).log("Ingestion error ({})", reason);
    }

    /** The exception and its root cause in one line: "what failed" and "why" for a log search. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? error.toString() : error + " (cause: " + root + ")";
    }

    private static LoggingEventBuilder fields(LoggingEventBuilder line, String event, Recording recording, String isrc,
                                              String result, String reason, long durationMs) {
        line = line.addKeyValue("event", event);
        if (isrc != null) {
            line = line.addKeyValue("isrc", isrc);
        }
        return line.addKeyValue("trackTitle", recording.title())
                .addKeyValue("trackId", recording.trackId())
                .addKeyValue("userId", recording.userId())
                .addKeyValue("result", result)
                .addKeyValue("reason", reason)
                .addKeyValue("duration_ms", durationMs);
    }

    private void count(String name, String reason) {
        meters.counter(name, "reason", reason).increment();
    }
}
