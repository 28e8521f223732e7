package io.novatune.discovery.statistics;

/** A name (a genre, a source type) and how many discoveries it has. */
public record Count(String name, long count) {
}
