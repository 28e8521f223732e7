package io.novatune.trackapi.track;

/** How a track came into a library. */
public enum TrackSource {
    UPLOAD,
    PROVIDER,
    CATALOG
}
