package io.novatune.discovery.statistics;

/** A catalog track and the number of mixes it appeared in. */
public record PlayedTrack(String trackId, String artist, String title, long appearances) {
}
