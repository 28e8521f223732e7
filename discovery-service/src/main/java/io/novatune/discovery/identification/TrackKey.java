package io.novatune.discovery.identification;

/**
 * A track as the catalog knows it once: artist, title and version normalised as the scoring compares them (case,
 * diacritics, punctuation, {@code feat.} credits, a leading "The"; "Original Mix" is no version).
 */
public record TrackKey(String artist, String title, String version) {

    public static TrackKey of(String artist, String title, String version) {
        String artistKey = MatchScoring.artist(artist);
        String titleKey = MatchScoring.text(title);
        return new TrackKey(artistKey == null ? "" : artistKey, titleKey == null ? "" : titleKey, MatchScoring.version(version));
    }
}
