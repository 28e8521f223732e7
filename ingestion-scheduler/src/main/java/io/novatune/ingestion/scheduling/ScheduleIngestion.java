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
import io.novatune.ingestion.ledger.EventClaim;
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

    /** One event on its own, in the current trace. */
    public List<IngestionDecision> trackAdded(TrackAdded event) {
        return added(List.of(AddEvent.of(event, trace.traceparent()))).get(0);
    }

    /** An album on its own, in the current trace: one ledger statement for all its ISRCs, one summary. */
    public List<IngestionDecision> albumAdded(AlbumAdded event) {
        return added(List.of(AddEvent.of(event, trace.traceparent()))).get(0);
    }

    /**
     * The add events of one poll, decided together: one ledger statement for all their ISRCs (ADR 0031), one
     * request per new ISRC, one log line and count per recording, one summary per album. Each event is decided
     * as if the events had come one by one, in this order.
     *
     * @return each event's decisions, in the order of {@code events}
     */
    public List<List<IngestionDecision>> added(List<AddEvent> events) {
        long started = System.nanoTime();
        List<EventDecisions> batch = events.stream().map(EventDecisions::new).toList();
        List<EventDecisions> claiming = batch.stream().filter(event -> !event.requests.isEmpty()).toList();
        if (!claiming.isEmpty()) {
            claim(claiming, started);
        }
        long durationMs = elapsedMs(started);
        List<List<IngestionDecision>> decided = new ArrayList<>(batch.size());
        for (EventDecisions event : batch) {
            List<IngestionDecision> ofEvent = event.complete();
            ofEvent.forEach(decision -> decisions.decided(decision, durationMs));
            AlbumAdded album = event.event.album();
            if (album != null) {
                int scheduled = (int) ofEvent.stream().filter(Scheduled.class::isInstance).count();
                decisions.albumBatch(album.getAlbumId(), album.getUserId(), ofEvent.size(), scheduled,
                        ofEvent.size() - scheduled, durationMs);
            }
            decided.add(ofEvent);
        }
        return decided;
    }

    /** The indexing worker confirms an ISRC; it is never requested again. */
    public void trackIndexed(TrackIndexed event) {
        // The worker keys by the ISRC we sent it: anything else is a broken contract, for the DLT.
        Isrc isrc = Isrc.parse(event.getIsrc()).orElseThrow(() -> new UnprocessableEventException(
                "TrackIndexed " + event.getEventId() + " has no valid ISRC: " + event.getIsrc()));
        ledger.markIndexed(isrc.code(), event.getTrackId(), event.getOccurredAt());
    }

    private void claim(List<EventDecisions> claiming, long started) {
        List<ClaimOutcome> outcomes;
        try {
            outcomes = ledger.claim(claiming.stream().map(event -> new EventClaim(event.event.eventId(), event.requests)).toList());
        } catch (DataAccessException ledgerUnavailable) {
            // Fail-open: better a request the idempotent indexing worker ignores than a recording never indexed.
            decisions.error("ledger_unavailable", null, null, ledgerUnavailable, elapsedMs(started));
            dispatch.publishWithoutLedger(claiming.stream().flatMap(event -> event.requests.stream()).toList());
            claiming.forEach(event -> event.scheduledWithoutLedger(String.valueOf(ledgerUnavailable.getMostSpecificCause())));
            return;
        }
        boolean anyNew = false;
        for (int i = 0; i < claiming.size(); i++) {
            anyNew |= claiming.get(i).claimed(outcomes.get(i));
        }
        if (anyNew) {
            dispatch.requestsCommitted();
        }
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The decisions of one event while its batch is decided: first per recording without the ledger, then with it. */
    private static final class EventDecisions {

        private final AddEvent event;
        private final IngestionDecision[] decided;
        /** The first recording of the event with an ISRC stands for it; later ones with the same ISRC are repeats. */
        private final Map<String, Integer> firstByIsrc = new LinkedHashMap<>();
        private final Map<Integer, Integer> repeatOf = new LinkedHashMap<>();
        private final List<IngestionRequest> requests = new ArrayList<>();

        EventDecisions(AddEvent event) {
            this.event = event;
            List<Recording> recordings = event.recordings();
            this.decided = new IngestionDecision[recordings.size()];
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
            firstByIsrc.forEach((isrc, index) -> requests.add(request(isrc, recordings.get(index), event.traceparent())));
        }

        /** Answers whether this event made a new request. */
        boolean claimed(ClaimOutcome outcome) {
            boolean anyNew = false;
            for (Map.Entry<String, Integer> first : firstByIsrc.entrySet()) {
                String isrc = first.getKey();
                Recording recording = event.recordings().get(first.getValue());
                decided[first.getValue()] = outcome.eventAlreadyProcessed()
                        ? new Skipped(recording, isrc, SkipReason.DUPLICATE_EVENT)
                        : switch (outcome.byIsrc().get(isrc)) {
                            case NEW -> new Scheduled(recording, isrc, null);
                            case ALREADY_REQUESTED -> new Skipped(recording, isrc, SkipReason.ALREADY_SCHEDULED);
                            case ALREADY_INDEXED -> new Skipped(recording, isrc, SkipReason.ALREADY_INDEXED);
                        };
                anyNew |= decided[first.getValue()] instanceof Scheduled;
            }
            return anyNew;
        }

        void scheduledWithoutLedger(String ledgerError) {
            firstByIsrc.forEach((isrc, index) -> decided[index] = new Scheduled(event.recordings().get(index), isrc, ledgerError));
        }

        /** A repeat shares its first's fate: scheduled once by the first, or skipped for the same reason. */
        List<IngestionDecision> complete() {
            repeatOf.forEach((repeat, first) -> decided[repeat] = new Skipped(event.recordings().get(repeat),
                    isrcOf(decided[first]),
                    decided[first] instanceof Skipped skipped ? skipped.reason() : SkipReason.ALREADY_SCHEDULED));
            return List.of(decided);
        }

        private static String isrcOf(IngestionDecision decision) {
            return decision instanceof Scheduled scheduled ? scheduled.isrc() : ((Skipped) decision).isrc();
        }

        private static IngestionRequest request(String isrc, Recording recording, String traceparent) {
            return new IngestionRequest(isrc, UUID.randomUUID(), recording.trackId(), recording.userId(), recording.title(),
                    recording.artist(), recording.album(), recording.durationMs(), null, traceparent);
        }
    }
}
