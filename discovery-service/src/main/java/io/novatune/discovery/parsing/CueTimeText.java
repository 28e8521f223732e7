package io.novatune.discovery.parsing;

import java.util.Optional;

/** Reads a cue time as tracklists write it ({@code 45:10}, {@code 1:02:28}). */
public final class CueTimeText {

    private CueTimeText() {
    }

    public static Optional<Long> millis(String text) {
        return TextTracklistParser.millis(text);
    }
}
