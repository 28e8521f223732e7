package io.novatune.trackapi.album;

import io.novatune.trackapi.track.CatalogRef;

import java.util.List;

/**
 * The command to add an album to a user's library: with its track listing, or by its catalog reference alone (the
 * listing is then fetched from the catalog).
 *
 * @param title      null when the catalog is to name it
 * @param artist     likewise
 * @param tracks     empty when the catalog is to list them
 * @param catalogRef null for an album known only by the listing given
 */
public record AddAlbum(String userId, String title, String artist, List<Listing> tracks, CatalogRef catalogRef) {

    boolean listingFromCatalog() {
        return tracks.isEmpty() && catalogRef != null;
    }

    /** One line of the listing; {@code artist} is the album's when the track names none. */
    public record Listing(int trackNumber, String title, String artist, String isrc, Long durationMs) {
    }
}
