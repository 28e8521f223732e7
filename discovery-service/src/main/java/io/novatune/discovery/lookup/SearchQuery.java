package io.novatune.discovery.lookup;

/** What an external music database is asked for one tracklist entry: the artist and the title, without the version. */
public record SearchQuery(String artist, String title) {
}
