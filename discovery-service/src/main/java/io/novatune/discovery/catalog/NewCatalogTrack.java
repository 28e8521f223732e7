package io.novatune.discovery.catalog;

import io.novatune.discovery.identification.TrackKey;

/** What an identification knows of a track; fields already in the catalog are kept, missing ones filled in. */
public record NewCatalogTrack(String artist, String title, String version, String label, String catalogNumber,
                              String releaseTitle, String releaseDate, String genre, Long durationMs, String isrc,
                              String musicBrainzId, String discogsId) {

    public TrackKey key() {
        return TrackKey.of(artist, title, version);
    }
}
