package io.novatune.trackapi.album;

import io.novatune.events.AlbumAdded;
import io.novatune.trackapi.outbox.OutboxEvent;
import java.util.UUID;

/** An album's events; keyed by album id, on {@code track-added} with the single tracks. */
final class AlbumEvents {

    static final String AGGREGATE_TYPE = "album";

    private AlbumEvents() {
    }

    /**
     * One event for the whole listing: its consumers check an album's tracks as one batch. {@code occurredAt} is when
     * the tracks came into the library: the album's creation, or the later fetch of a listing that was unavailable.
     */
    static OutboxEvent added(Album album, java.time.Instant occurredAt, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        AlbumAdded event = AlbumAdded.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt)
                .setAlbumId(album.id())
                .setUserId(album.userId())
                .setTitle(album.title())
                .setArtist(album.artist())
                .setTracks(album.tracks().stream()
                        .map(track -> io.novatune.events.AlbumTrack.newBuilder()
                                .setTrackId(track.trackId())
                                .setTrackNumber(track.trackNumber())
                                .setTitle(track.title())
                                .setArtist(track.artist())
                                .setIsrc(track.isrc())
                                .setDurationMs(track.durationMs())
                                .build())
                        .toList())
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, album.id(), event, eventId, traceparent);
    }
}
