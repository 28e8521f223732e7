package io.novatune.trackapi.album;

import java.util.List;

/**
 * An album as a streaming catalog lists it.
 *
 * @param tracks in album order (volume, then position on the volume)
 */
public record CatalogAlbum(String title, String artist, List<Track> tracks) {

    /**
     * @param catalogId  the track's id in the catalog
     * @param artist     null when the catalog names none: the album's is meant
     * @param isrc       normalised; null when the catalog has none (or none that is an ISRC)
     * @param durationMs null when the catalog gives none
     */
    public record Track(String catalogId, String title, String artist, String isrc, Long durationMs) {
    }
}
