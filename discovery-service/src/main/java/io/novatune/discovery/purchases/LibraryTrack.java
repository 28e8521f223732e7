package io.novatune.discovery.purchases;

/** A track added to the user's library (track-api), as far as matching it to a want-list entry needs. */
record LibraryTrack(String trackId, String artist, String title, String isrc) {
}
