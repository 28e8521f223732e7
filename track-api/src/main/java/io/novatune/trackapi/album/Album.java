package io.novatune.trackapi.album;

import java.time.Instant;
import java.util.List;

/** An album in a user's library, with its tracks in album order. */
public record Album(String id, String userId, String title, String artist, Instant createdAt, List<AlbumTrack> tracks) {
}
