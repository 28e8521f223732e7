package io.novatune.discovery.identification;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scores a candidate against a tracklist entry by a weighted distance over artist, title, version, duration, label and
 * ISRC, in the manner of beets' autotagger: strings are normalised (case, diacritics, {@code feat.} credits, a leading
 * "The", punctuation) and compared by normalised Levenshtein distance; durations within 10 s are equal and 30 s beyond
 * that are as far as it gets; an identical ISRC outweighs everything. Components missing on either side do not count.
 */
public final class MatchScoring {

    static final double ARTIST = 3.0;
    static final double TITLE = 3.0;
    static final double VERSION = 1.0;
    static final double DURATION = 2.0;
    static final double LABEL = 0.5;
    static final double ISRC = 5.0;
    private static final long DURATION_GRACE_MS = 10_000;
    private static final long DURATION_MAX_MS = 30_000;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern FEATURING = Pattern.compile("\\s*[(\\[]?\\b(?:feat\\.?|ft\\.?|featuring)\\s.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_THE = Pattern.compile("^the\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern ORIGINAL = Pattern.compile("^(?:original|original mix|extended mix|album version)$");
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    public MatchScore score(TrackDescription entry, TrackDescription candidate) {
        Map<String, Double> components = new LinkedHashMap<>();
        double weighted = 0;
        double weights = 0;
        if (entry.isrc() != null && candidate.isrc() != null && entry.isrc().equalsIgnoreCase(candidate.isrc())) {
            components.put("isrc", 0.0);
            return new MatchScore(0.0, Confidence.STRONG, components);
        }
        double[][] parts = {
                {ARTIST, stringDistance(artist(entry.artist()), artist(candidate.artist()))},
                {TITLE, stringDistance(text(entry.title()), text(candidate.title()))},
                {VERSION, versionDistance(entry.remix(), candidate.remix())},
                {DURATION, durationDistance(entry.durationMs(), candidate.durationMs())},
                {LABEL, stringDistance(text(entry.label()), text(candidate.label()))},
        };
        String[] names = {"artist", "title", "version", "duration", "label"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i][1] >= 0) {
                components.put(names[i], parts[i][1]);
                weighted += parts[i][0] * parts[i][1];
                weights += parts[i][0];
            }
        }
        double distance = weights == 0 ? 1.0 : weighted / weights;
        return new MatchScore(distance, Confidence.of(distance), components);
    }

    /** -1 when either side is missing. */
    static double stringDistance(String a, String b) {
        if (a == null || b == null) {
            return -1;
        }
        int longest = Math.max(a.length(), b.length());
        return longest == 0 ? 0 : (double) LEVENSHTEIN.apply(a, b) / longest;
    }

    /** "Original Mix" and no version at all are the same version; otherwise a missing side does not count. */
    private static double versionDistance(String entry, String candidate) {
        String a = version(entry);
        String b = version(candidate);
        if (a.isEmpty() && b.isEmpty()) {
            return entry == null && candidate == null ? -1 : 0;
        }
        if (entry == null || candidate == null) {
            return entry == null ? -1 : b.isEmpty() ? 1 : -1;
        }
        return stringDistance(a, b);
    }

    static String version(String remix) {
        String normal = text(remix);
        return normal == null || ORIGINAL.matcher(normal).matches() ? "" : normal;
    }

    private static double durationDistance(Long a, Long b) {
        if (a == null || b == null) {
            return -1;
        }
        long over = Math.max(0, Math.abs(a - b) - DURATION_GRACE_MS);
        return Math.min(1.0, (double) over / DURATION_MAX_MS);
    }

    static String artist(String artist) {
        if (artist == null) {
            return null;
        }
        String withoutFeaturing = FEATURING.matcher(artist).replaceFirst("");
        String normal = text(withoutFeaturing);
        return normal == null ? null : LEADING_THE.matcher(normal).replaceFirst("");
    }

    static String text(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(decomposed.toLowerCase(Locale.ROOT).replace("&", " and ")).replaceAll(" ").strip();
    }
}
