package io.novatune.ingestion.scheduling;

import java.util.List;

import io.novatune.events.AlbumAdded;
import io.novatune.events.TrackAdded;

/**
 * One add event as the decision takes it: its recordings and the trace it was added in.
 *
 * @param album       the album event, for its summary line; null for a single track
 * @param traceparent the W3C trace context of the add (the record's header), stored with its requests; may be null
 */
public record AddEvent(String eventId, List<Recording> recordings, AlbumAdded album, String traceparent) {

    public AddEvent {
        recordings = List.copyOf(recordings);
    }

    public static AddEvent of(TrackAdded event, String traceparent) {
        return new AddEvent(event.getEventId(), List.of(Recording.of(event)), null, traceparent);
    }

    public static AddEvent of(AlbumAdded event, String traceparent) {
        return new AddEvent(event.getEventId(),
                event.getTracks().stream().map(track -> Recording.of(event, track)).toList(), event, traceparent);
    }
}
