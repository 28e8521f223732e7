package io.novatune.trackapi.album;

/** One track of an album, as stored: a row of {@code tracks} with its position on the album. */
public record AlbumTrack(String trackId, int trackNumber, String title, String artist, String isrc, Long durationMs) {
}
