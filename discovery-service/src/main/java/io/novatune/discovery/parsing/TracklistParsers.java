package io.novatune.discovery.parsing;

/** The parser of each format. A plain library: no Spring. */
public final class TracklistParsers {

    private final TextTracklistParser text = new TextTracklistParser();
    private final CueSheetParser cue = new CueSheetParser();
    private final JsonTracklistParser json = new JsonTracklistParser();

    public ParseResult parse(TracklistFormat format, String content) {
        return switch (format) {
            case TEXT -> text.parse(content);
            case CUE -> cue.parse(content);
            case JSON -> json.parse(content);
        };
    }
}
