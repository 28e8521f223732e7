package io.novatune.ingestion.scheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.novatune.events.AlbumAdded;
import io.novatune.events.Isrc;
import io.novatune.events.TrackAdded;
import io.novatune.events.TrackIndexed;
import io.novatune.events.kafka.UnprocessableEventException;
import io.novatune.ingestion.ledger.ClaimOutcome;
import io.novatune.ingestion.ledger.IngestionRequest;
import io.novatune.ingestion.ledger.IsrcLedger;
import io.novatune.ingestion.scheduling.IngestionDecision.Scheduled;
import io.novatune.ingestion.scheduling.IngestionDecision.SkipReason;
import io.novatune.ingestion.scheduling.IngestionDecision.Skipped;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Decides, for every track added to a library, whether its recording is requested for search-index
 * ingestion: exactly once per ISRC, whoever adds it and however often the event is delivered.
 */
@Service
public class ScheduleIngestion {

    private final IsrcLedger ledger;
    private final RequestDispatch dispatch;
    private final DecisionLog decisions;
    private final CurrentTrace trace;

    public ScheduleIngestion(IsrcLedger ledger, RequestDispatch dispatch, DecisionLog decisions, CurrentTrace trace) {
        this.ledger = ledger;
        this.dispatch = dispatch;
        this.decisions = decisions;
        this.trace = trace;
    }

    public List<IngestionDecision> trackAdded(TrackAdded event) {
        long started = System.nanoTime();
        List<IngestionDecision> decided = decide(event.getEventId(), List.of(Recording.of(event)), started);
        decided.forEach(decision -> decisions.decided(decision, elapsedMs(started)));
        return decided;
    }

    /** An album is one batch: one ledger statement for all its ISRCs, one request per new one, one summary. */
    public List<IngestionDecision> albumAdded(AlbumAdded event) {
        long started = System.nanoTime();
        List<Recording> tracks = event.getTracks().stream().map(track -> Recording.of(event, track)).toList();
        List<IngestionDecision> decided = decide(event.getEventId(), tracks, started);
        long durationMs = elapsedMs(started);
        decided.forEach(decision -> decisions.decided(decision, durationMs));
        int scheduled = (int) decided.stream().filter(Scheduled.class::isInstance).count();
        decisions.albumBatch(event.getAlbumId(), event.getUserId(), decided.size(), scheduled, decided.size() - scheduled, durationMs);
        return decided;
    }

    /** The indexing worker confirms an ISRC; it is never requested again. */
    public void trackIndexed(TrackIndexed event) {
        // The worker keys by the ISRC we sent it: anything else is a broken contract, for the DLT.
        Isrc isrc = Isrc.parse(event.getIsrc()).orElseThrow(() -> new UnprocessableEventException(
                "TrackIndexed " + event.getEventId() + " has no valid ISRC: " + event.getIsrc()));
        ledger.markIndexed(isrc.code(), event.getTrackId(), event.getOccurredAt());
    }

    private List<IngestionDecision> decide(String eventId, List<Recording> recordings, long started) {
        IngestionDecision[] decided = new IngestionDecision[recordings.size()];
        // The first track of the batch with an ISRC stands for it; later ones with the same ISRC are repeats.
        Map<String, Integer> firstByIsrc = new LinkedHashMap<>();
        Map<Integer, Integer> repeatOf = new LinkedHashMap<>();
        for (int i = 0; i < recordings.size(); i++) {
            Recording recording = recordings.get(i);
            String raw = recording.rawIsrc();
            Optional<Isrc> isrc = Isrc.parse(raw);
            if (isrc.isPresent()) {
                Integer first = firstByIsrc.putIfAbsent(isrc.get().code(), i);
                if (first != null) {
                    repeatOf.put(i, first);
                }
            } else if (raw == null || raw.isBlank()) {
                decided[i] = new Skipped(recording, null, SkipReason.MISSING_ISRC);
            } else {
                decided[i] = new Skipped(recording, raw, SkipReason.INVALID_ISRC);
            }
        }
        if (!firstByIsrc.isEmpty()) {
            List<IngestionRequest> requests = new ArrayList<>();
            String traceparent = trace.traceparent();
            firstByIsrc.forEach((isrc, index) -> requests.add(request(isrc, recordings.get(index), traceparent)));
            claim(eventId, requests, recordings, firstByIsrc, decided, started);
        }
        // A repeat shares its first's fate: scheduled once by the first, or skipped for the same reason.
        repeatOf.forEach((repeat, first) -> decided[repeat] = new Skipped(recordings.get(repeat), isrcOf(decided[first]),
                decided[first] instanceof Skipped skipped ? skipped.reason() : SkipReason.ALREADY_SCHEDULED));
        return List.of(decided);
    }

    private void claim(String eventId, List<IngestionRequest> requests, List<Recording> recordings,
                       Map<String, Integer> firstByIsrc, IngestionDecision[] decided, long started) {
        ClaimOutcome outcome;
        try {
            outcome = ledger.claim(eventId, requests);
        } catch (DataAccessException ledgerUnavailable) {
            // Fail-open: better a request the idempotent indexing worker ignores than a recording never indexed.
            decisions.error("ledger_unavailable", null, null, ledgerUnavailable, elapsedMs(started));
            dispatch.publishWithoutLedger(requests);
            firstByIsrc.forEach((isrc, index) ->
                    decided[index] = new Scheduled(recordings.get(index), isrc, String.valueOf(ledgerUnavailable.getMostSpecificCause())));
            return;
        }
        boolean anyNew = false;
        for (Map.Entry<String, Integer> first : firstByIsrc.entrySet()) {
            String isrc = first.getKey();
            Recording recording = recordings.get(first.getValue());
            decided[first.getValue()] = outcome.eventAlreadyProcessed()
                    ? new Skipped(recording, isrc, SkipReason.DUPLICATE_EVENT)
                    : switch (outcome.byIsrc().get(isrc)) {
                        case NEW -> new Scheduled(recording, isrc, null);
                        case ALREADY_REQUESTED -> new Skipped(recording, isrc, SkipReason.ALREADY_SCHEDULED);
                        case ALREADY_INDEXED -> new Skipped(recording, isrc, SkipReason.ALREADY_INDEXED);
                    };
            anyNew |= decided[first.getValue()] instanceof Scheduled;
        }
        if (anyNew) {
            dispatch.requestsCommitted();
        }
    }

    private static String isrcOf(IngestionDecision decision) {
        return decision instanceof Scheduled scheduled ? scheduled.isrc() : ((Skipped) decision).isrc();
    }

    private static IngestionRequest request(String isrc, Recording recording, String traceparent) {
        return new IngestionRequest(isrc, UUID.randomUUID(), recording.trackId(), recording.userId(), recording.title(),
                recording.artist(), recording.album(), recording.durationMs(), null, traceparent);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
