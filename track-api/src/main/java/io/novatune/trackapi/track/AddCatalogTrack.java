package io.novatune.trackapi.track;

/** The command to add a track from a streaming catalog to a user's library. */
public record AddCatalogTrack(String userId, TrackMetadata metadata, CatalogRef catalogRef) {
}
