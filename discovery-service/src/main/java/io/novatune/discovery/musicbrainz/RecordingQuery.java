package io.novatune.discovery.musicbrainz;

import io.novatune.discovery.parsing.Credits;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /**
     * The second try when the phrases find nothing: every word of the title and of the first credited artist as a
     * fuzzy term ({@code word~}, Lucene's edit distance of up to 2), so a typo or another spelling of the credit
     * ({@code ft.} for {@code feat.}) still finds the recording. Words are letters and digits only, so nothing needs
     * escaping; words of fewer than 4 letters are taken as they are.
     */
    public static String fuzzy(String artist, String title) {
        List<String> clauses = new ArrayList<>();
        String titleTerms = terms(title);
        if (!titleTerms.isEmpty()) {
            clauses.add("recording:(" + titleTerms + ")");
        }
        List<String> credits = artist == null ? List.of() : Credits.split(artist);
        String artistTerms = terms(credits.isEmpty() ? artist : credits.get(0));
        if (!artistTerms.isEmpty()) {
            clauses.add("artist:(" + artistTerms + ")");
        }
        return String.join(" AND ", clauses);
    }

    private static String terms(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return String.join(" ", Arrays.stream(NOT_WORD.split(folded)).filter(word -> !word.isEmpty())
                .map(word -> word.length() < 4 ? word : word + "~").toList());
    }

    static String phrase(String value) {
        return "\"" + value.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
