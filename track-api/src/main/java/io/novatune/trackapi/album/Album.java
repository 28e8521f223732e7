package io.novatune.trackapi.album;

import io.novatune.trackapi.track.CatalogRef;

import java.time.Instant;
import java.util.List;

/**
 * An album in a user's library, with its tracks in album order.
 *
 * @param title      null only while the listing of an album added by its catalog reference alone is unavailable
 * @param artist     likewise
 * @param catalogRef where the album is in a streaming catalog; null for an album added with its listing only
 */
public record Album(String id, String userId, String title, String artist, Instant createdAt, List<AlbumTrack> tracks,
                    CatalogRef catalogRef, ListingState listing) {

    Album withTracks(String newTitle, String newArtist, List<AlbumTrack> newTracks) {
        return new Album(id, userId, newTitle, newArtist, createdAt, newTracks, catalogRef, ListingState.GIVEN);
    }
}
