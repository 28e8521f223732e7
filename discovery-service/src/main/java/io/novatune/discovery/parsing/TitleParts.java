package io.novatune.discovery.parsing;

/** A title with its version taken off the end by the tracklist rules: {@code Flutes (Sasha Remix)} → Flutes, Sasha Remix. */
public record TitleParts(String title, String version) {

    public static TitleParts of(String title) {
        if (title == null) {
            return new TitleParts(null, null);
        }
        TextTracklistParser.Trailing trailing = TextTracklistParser.trailing(title);
        return new TitleParts(trailing.title(), trailing.remix());
    }
}
