package io.novatune.trackapi.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A track in a user's library, as stored.
 *
 * @param audio     our uploaded file; {@code null} for provider and catalog tracks
 * @param provider  the provider's links; {@code null} unless {@code source} is PROVIDER
 * @param archive   {@code null} unless the track has provider assets to archive
 * @param deletion  {@code null} unless the track was deleted
 */
public record Track(
        String id,
        String userId,
        TrackMetadata metadata,
        TrackStatus status,
        TrackSource source,
        CatalogRef catalogRef,
        StoredAudio audio,
        ProviderLinks provider,
        ArchiveState archive,
        Deletion deletion,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Every object of ours this track owns: what a purge must delete. */
    public List<String> objectKeys() {
        List<String> keys = new ArrayList<>();
        if (audio != null) {
            addIfPresent(keys, audio.objectKey());
            addIfPresent(keys, audio.waveformKey());
        }
        if (archive != null) {
            addIfPresent(keys, archive.audioKey());
            addIfPresent(keys, archive.coverKey());
            addIfPresent(keys, archive.videoKey());
        }
        return keys;
    }

    public long fileSizeBytes() {
        return audio == null ? 0 : audio.sizeBytes();
    }

    public boolean visible() {
        return status.isVisible();
    }

    private static void addIfPresent(List<String> keys, String key) {
        if (key != null) {
            keys.add(key);
        }
    }
}
