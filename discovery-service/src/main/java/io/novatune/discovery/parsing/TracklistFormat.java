package io.novatune.discovery.parsing;

/** The formats a tracklist's content may come in. */
public enum TracklistFormat {
    TEXT, CUE, JSON
}
