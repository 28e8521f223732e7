package io.novatune.trackapi.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.novatune.trackapi.track.CatalogRef;
import io.novatune.trackapi.track.Track;

import java.time.Instant;

/** A track as the API shows it to its owner. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackResponse(
        String id,
        String title,
        String artist,
        String album,
        String isrc,
        String genre,
        Long durationMs,
        String status,
        String source,
        CatalogRef catalogRef,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static TrackResponse of(Track track) {
        return new TrackResponse(track.id(), track.title(), track.artist(), track.album(), track.isrc(), track.genre(),
                track.durationMs(), track.status().name(), track.source().name(), track.catalogRef(),
                track.createdAt(), track.updatedAt(), track.version());
    }
}
