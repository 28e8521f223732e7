package io.novatune.discovery.tracklist;

/** Where the mix was played. */
public enum SourceType {
    MIX, RADIO, LIVE, OTHER
}
