package io.novatune.trackapi.album;

/** Whether an album's track listing is in the library. */
public enum ListingStatus {
    /** The tracks are in the library and {@code AlbumAdded} was published with them. */
    AVAILABLE,
    /** Added by its catalog reference while the catalog could not list it: no tracks yet; fetched again later. */
    UNAVAILABLE
}
