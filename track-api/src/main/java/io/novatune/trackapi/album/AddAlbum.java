package io.novatune.trackapi.album;

import java.util.List;

/** The command to add an album and its track listing to a user's library. */
public record AddAlbum(String userId, String title, String artist, List<Listing> tracks) {

    /** One line of the listing; {@code artist} is the album's when the track names none. */
    public record Listing(int trackNumber, String title, String artist, String isrc, Long durationMs) {
    }
}
