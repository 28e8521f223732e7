package io.novatune.trackapi.track;

import io.novatune.events.TrackAdded;
import io.novatune.events.TrackUpdated;
import io.novatune.trackapi.outbox.OutboxEvent;
import java.util.Collection;
import java.util.UUID;

/** Turns what happened to a track into the events other services consume. */
public final class TrackEvents {

    static final String AGGREGATE_TYPE = "track";

    private TrackEvents() {
    }

    public static OutboxEvent added(Track track, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        var catalog = track.catalogRef();
        TrackMetadata metadata = track.metadata();
        TrackAdded event = TrackAdded.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(track.createdAt())
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setSource(io.novatune.events.TrackSource.valueOf(track.source().name()))
                .setTitle(metadata.title())
                .setArtist(metadata.artist())
                .setAlbum(metadata.album())
                .setIsrc(metadata.isrc())
                .setGenre(metadata.genre())
                .setDurationMs(metadata.durationMs())
                .setCatalogRef(catalog == null ? null : new io.novatune.events.CatalogRef(catalog.service(), catalog.id()))
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, track.id(), event, eventId, traceparent);
    }

    static OutboxEvent updated(Track track, Collection<MetadataField> changed, String traceparent) {
        String eventId = UUID.randomUUID().toString();
        TrackMetadata metadata = track.metadata();
        TrackUpdated event = TrackUpdated.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(track.updatedAt())
                .setTrackId(track.id())
                .setUserId(track.userId())
                .setVersion(track.version())
                .setChangedFields(changed.stream().map(MetadataField::apiName).toList())
                .setTitle(metadata.title())
                .setArtist(metadata.artist())
                .setAlbum(metadata.album())
                .setIsrc(metadata.isrc())
                .setGenre(metadata.genre())
                .setBpm(metadata.bpm() == null ? null : metadata.bpm().doubleValue())
                .setMusicalKey(metadata.musicalKey())
                .setDurationMs(metadata.durationMs())
                .build();
        return OutboxEvent.of(AGGREGATE_TYPE, track.id(), event, eventId, traceparent);
    }
}
