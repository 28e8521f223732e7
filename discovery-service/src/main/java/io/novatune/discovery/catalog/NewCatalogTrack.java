package io.novatune.discovery.catalog;

import io.novatune.discovery.identification.TrackKey;

/** What an identification knows of a track; fields already in the catalog are kept, missing ones filled in. */
public record NewCatalogTrack(String artist, String title, String version, String label, String catalogNumber,
                              String releaseTitle, String releaseDate, String genre, Long durationMs, String isrc,
                              String musicBrainzId, String discogsId, Double bpm, String musicalKey) {

    /** With the tempo and key another database knew, where this track has none. */
    public NewCatalogTrack withTempoAndKey(Double otherBpm, String otherKey) {
        return new NewCatalogTrack(artist, title, version, label, catalogNumber, releaseTitle, releaseDate, genre, durationMs,
                isrc, musicBrainzId, discogsId, bpm == null ? otherBpm : bpm, musicalKey == null ? otherKey : musicalKey);
    }

    public TrackKey key() {
        return TrackKey.of(artist, title, version);
    }
}
