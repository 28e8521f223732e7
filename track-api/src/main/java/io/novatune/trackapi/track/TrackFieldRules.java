package io.novatune.trackapi.track;

import io.novatune.events.Isrc;

/** The form of track metadata, shared by adding and patching so both accept the same values. */
public final class TrackFieldRules {

    /** ISO 3901 in the spellings every NovaTune service accepts ({@link Isrc#SPELLING}). */
    public static final String ISRC = Isrc.SPELLING;
    public static final String ISRC_MESSAGE = "must be an ISRC such as GB-DUW-96-00012";
    /** Standard notation (C, F#m, Ebm) or Camelot (8A, 12B). */
    public static final String MUSICAL_KEY = "[A-G][#b]?m?|(?:[1-9]|1[0-2])[AB]";
    public static final String MUSICAL_KEY_MESSAGE = "must be a key such as F#m or a Camelot code such as 8A";
    public static final String BPM_MIN = "20.0";
    public static final String BPM_MAX = "300.0";
    public static final int TEXT_MAX = 500;
    public static final int GENRE_MAX = 100;

    private TrackFieldRules() {
    }

    /** The 12 characters of an ISRC that passed {@link #ISRC}; null stays null. */
    public static String normaliseIsrc(String isrc) {
        return isrc == null ? null : Isrc.parse(isrc).map(Isrc::code).orElseThrow();
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
