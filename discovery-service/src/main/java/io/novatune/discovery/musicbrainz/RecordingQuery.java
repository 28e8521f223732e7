package io.novatune.discovery.musicbrainz;

import java.util.ArrayList;
import java.util.List;

/**
 * The Lucene query of MusicBrainz's {@code /ws/2/recording?query=…} search for an artist and a title: each value is a
 * quoted phrase in its field, so Lucene's special characters ({@code + - && || ! ( ) { } [ ] ^ " ~ * ? : \ /}) lose
 * their meaning; inside a phrase only {@code "} and {@code \} need a backslash.
 */
public final class RecordingQuery {

    private RecordingQuery() {
    }

    public static String of(String artist, String title) {
        List<String> clauses = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            clauses.add("recording:" + phrase(title));
        }
        if (artist != null && !artist.isBlank()) {
            clauses.add("artist:" + phrase(artist));
        }
        return String.join(" AND ", clauses);
    }

    static String phrase(String value) {
        return "\"" + value.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
