package io.novatune.trackapi.track;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A track as the API shows it to its owner. Object keys and provider URLs stay inside. {@code archive} is there for
 * provider tracks only; {@code archivedAt} repeats {@code archive.archivedAt} for the clients that read it there.
 */
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
        Archive archive,
        Instant deletedAt,
        Instant restoreUntil,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public record Provider(String name, Instant expiresAt) {
    }

    /**
     * A provider track's copy to our storage.
     *
     * @param dueAt     when the next attempt is sent; null once none will be
     * @param expiresAt when the provider's links stop working (the provider's word, else the default lifetime)
     * @param lastError the archiver's reason for the last failure, if the last attempt failed
     */
    public record Archive(ArchiveStatus status, Instant dueAt, Instant archivedAt, Instant expiresAt, String lastError) {
    }

    /** {@code archive} is null for any track but a provider's. */
    static TrackResponse of(Track track, Archive archive) {
        var metadata = track.metadata();
        var deletion = track.deletion();
        return new TrackResponse(track.id(), metadata.title(), metadata.artist(), metadata.album(), metadata.isrc(),
                metadata.genre(), metadata.bpm(), metadata.musicalKey(), metadata.durationMs(),
                track.status().name(), track.source().name(), track.catalogRef(),
                track.provider() == null ? null : new Provider(track.provider().name(), track.provider().expiresAt()),
                track.audio() == null ? null : track.audio().sizeBytes(),
                track.archive() == null ? null : track.archive().archivedAt(),
                archive,
                deletion == null ? null : deletion.deletedAt(),
                deletion == null ? null : deletion.scheduledDeletionAt(),
                track.createdAt(), track.updatedAt(), track.version());
    }
}
