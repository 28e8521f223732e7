package io.novatune.discovery.catalog;

/** A mix a catalog track was found in: the tracklist, the track's position there and its cue time when known. */
public record SourceMix(String tracklistId, String tracklistTitle, String djName, Integer position, Long cueTimeMs) {
}
