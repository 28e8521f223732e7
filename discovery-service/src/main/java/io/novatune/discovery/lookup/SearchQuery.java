package io.novatune.discovery.lookup;

/** What an external music database is asked for one tracklist entry: the artist and the title, without the version. */
public record SearchQuery(String artist, String title) {

    /** The query as one text, "artist - title" (no artist: " - title"): a cache key. */
    public String text() {
        return (artist == null ? "" : artist.strip()) + " - " + (title == null ? "" : title.strip());
    }
}
