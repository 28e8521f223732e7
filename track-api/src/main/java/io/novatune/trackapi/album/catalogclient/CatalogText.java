package io.novatune.trackapi.album.catalogclient;

import io.novatune.events.Isrc;
import io.novatune.trackapi.track.TrackFieldRules;

import java.util.regex.Pattern;

/** A catalog's strings as the library's fields hold them: what a catalog answers is not trusted to fit. */
public final class CatalogText {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private CatalogText() {
    }

    /** No control characters, stripped, at most the library's text length. */
    public static String clean(String value) {
        String plain = CONTROL.matcher(value).replaceAll("").strip();
        return plain.length() <= TrackFieldRules.TEXT_MAX ? plain : plain.substring(0, TrackFieldRules.TEXT_MAX).strip();
    }

    /** The normalised ISRC; null when there is none, or none that is an ISRC. */
    public static String isrc(String value) {
        return value == null ? null : Isrc.parse(value).map(Isrc::code).orElse(null);
    }
}
