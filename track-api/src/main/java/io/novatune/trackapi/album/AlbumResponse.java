package io.novatune.trackapi.album;

import io.novatune.trackapi.track.CatalogRef;

import java.time.Instant;
import java.util.List;

/**
 * An album as its owner sees it: each track with the id it has in the library.
 *
 * @param listingStatus {@code AVAILABLE} once the tracks are in; {@code UNAVAILABLE} while the catalog could not list
 *                      them (no tracks yet: {@code listing} says when they are fetched again)
 * @param listing       only while {@code UNAVAILABLE}
 */
public record AlbumResponse(String id, String title, String artist, Instant createdAt, CatalogRef catalogRef,
                            ListingStatus listingStatus, ListingRetry listing, List<Track> tracks) {

    public record Track(String id, int trackNumber, String title, String artist, String isrc, Long durationMs) {
    }

    /**
     * @param attempts      fetches from the catalog so far
     * @param nextAttemptAt when the next one is due; absent when the timer gave up ({@code refresh-listing} still works)
     * @param lastError     why the last one failed
     */
    public record ListingRetry(int attempts, Instant nextAttemptAt, String lastError) {
    }

    static AlbumResponse of(Album album) {
        ListingState listing = album.listing();
        return new AlbumResponse(album.id(), album.title(), album.artist(), album.createdAt(), album.catalogRef(),
                listing.status(),
                listing.available() ? null : new ListingRetry(listing.attempts(), listing.nextAttemptAt(), listing.lastError()),
                album.tracks().stream()
                        .map(track -> new Track(track.trackId(), track.trackNumber(), track.title(), track.artist(),
                                track.isrc(), track.durationMs()))
                        .toList());
    }
}
