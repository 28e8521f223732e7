package io.novatune.trackapi.album;

import io.novatune.trackapi.track.CatalogRef;

/**
 * One track of an album, as stored: a row of {@code tracks} with its position on the album.
 *
 * @param catalogRef the track in the streaming catalog the listing came from; null for a listing the caller gave
 */
public record AlbumTrack(String trackId, int trackNumber, String title, String artist, String isrc, Long durationMs,
                         CatalogRef catalogRef) {
}
