package io.novatune.trackapi.track;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;

/** A track as the API shows it to its owner. Object keys and provider URLs stay inside. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackResponse(
        String id,
        String title,
        String artist,
        String album,
        String isrc,
        String genre,
        BigDecimal bpm,
        String musicalKey,
        Long durationMs,
        String status,
        String source,
        CatalogRef catalogRef,
        Provider provider,
        Long fileSizeBytes,
        Instant archivedAt,
        Instant deletedAt,
        Instant restoreUntil,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record Provider(String name, Instant expiresAt) {
    }

    public static TrackResponse of(Track track) {
        var metadata = track.metadata();
        var deletion = track.deletion();
        return new TrackResponse(track.id(), metadata.title(), metadata.artist(), metadata.album(), metadata.isrc(),
                metadata.genre(), metadata.bpm(), metadata.musicalKey(), metadata.durationMs(),
                track.status().name(), track.source().name(), track.catalogRef(),
                track.provider() == null ? null : new Provider(track.provider().name(), track.provider().expiresAt()),
                track.audio() == null ? null : track.audio().sizeBytes(),
                track.archive() == null ? null : track.archive().archivedAt(),
                deletion == null ? null : deletion.deletedAt(),
                deletion == null ? null : deletion.scheduledDeletionAt(),
                track.createdAt(), track.updatedAt(), track.version());
    }
}
