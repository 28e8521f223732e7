package io.novatune.discovery.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a CUE sheet: {@code PERFORMER}/{@code TITLE}/{@code INDEX 01} per {@code TRACK}; {@code FILE}, {@code REM},
 * {@code FLAGS}, {@code ISRC}, {@code PREGAP} and other indexes are understood and skipped (rekordbox, Mixxx and Traktor
 * write such sheets). Frames (75 a second) become milliseconds. A track's title goes through the same version/label
 * rules as a text line. Never throws.
 */
public final class CueSheetParser {

    private static final Pattern COMMAND = Pattern.compile("^\\s*([A-Za-z]+)\\s*(.*)$");
    private static final Pattern TRACK = Pattern.compile("^(\\d{1,3})(?:\\s+\\S+)?$");
    private static final Pattern INDEX = Pattern.compile("^(\\d{1,2})\\s+(\\d{1,4}):(\\d{2}):(\\d{2})$");
    private static final List<String> SKIPPED = List.of("FILE", "REM", "FLAGS", "ISRC", "PREGAP", "POSTGAP", "CATALOG",
            "CDTEXTFILE", "SONGWRITER");

    public ParseResult parse(String content) {
        List<ParsedEntry> entries = new ArrayList<>();
        List<UnparsedLine> unparsed = new ArrayList<>();
        String mixPerformer = null;
        String mixTitle = null;
        Track current = null;
        String[] lines = content == null ? new String[0] : content.split("\\r\\n|\\r|\\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.isBlank()) {
                continue;
            }
            Matcher command = COMMAND.matcher(line.replace("\uFEFF", ""));
            if (!command.matches()) {
                unparsed.add(new UnparsedLine(index + 1, line, "not a CUE command"));
                continue;
            }
            String name = command.group(1).toUpperCase(java.util.Locale.ROOT);
            String argument = command.group(2).strip();
            switch (name) {
                case "TRACK" -> {
                    Matcher track = TRACK.matcher(argument);
                    if (!track.matches()) {
                        unparsed.add(new UnparsedLine(index + 1, line, "TRACK without a number"));
                        continue;
                    }
                    finish(current, entries, unparsed);
                    current = new Track(index + 1, line, Integer.parseInt(track.group(1)));
                }
                case "PERFORMER" -> {
                    if (current == null) {
                        mixPerformer = unquote(argument);
                    } else {
                        current.performer = unquote(argument);
                    }
                }
                case "TITLE" -> {
                    if (current == null) {
                        mixTitle = unquote(argument);
                    } else {
                        current.title = unquote(argument);
                    }
                }
                case "INDEX" -> {
                    Matcher at = INDEX.matcher(argument);
                    if (!at.matches() || Integer.parseInt(at.group(3)) >= 60 || Integer.parseInt(at.group(4)) >= 75) {
                        unparsed.add(new UnparsedLine(index + 1, line, "INDEX is not mm:ss:ff"));
                    } else if (current != null && Integer.parseInt(at.group(1)) == 1) {
                        long minutes = Long.parseLong(at.group(2));
                        long seconds = Long.parseLong(at.group(3));
                        long frames = Long.parseLong(at.group(4));
                        current.cueTimeMs = (minutes * 60 + seconds) * 1000 + frames * 1000 / 75;
                    }
                }
                default -> {
                    if (!SKIPPED.contains(name)) {
                        unparsed.add(new UnparsedLine(index + 1, line, "unknown CUE command " + name));
                    }
                }
            }
        }
        finish(current, entries, unparsed);
        return new ParseResult(entries, unparsed, mixPerformer, mixTitle);
    }

    private static void finish(Track track, List<ParsedEntry> entries, List<UnparsedLine> unparsed) {
        if (track == null) {
            return;
        }
        if (track.title == null || track.title.isBlank()) {
            unparsed.add(new UnparsedLine(track.lineNumber, track.line, "TRACK without a TITLE"));
            return;
        }
        TextTracklistParser.Trailing trailing = TextTracklistParser.trailing(track.title);
        String performer = track.performer == null || track.performer.isBlank() ? null : track.performer;
        boolean unknown = performer == null || performer.equalsIgnoreCase("ID") || trailing.title().equalsIgnoreCase("ID");
        entries.add(new ParsedEntry(track.lineNumber, track.number, performer, Credits.split(performer), trailing.title(),
                trailing.remix(), trailing.label(), trailing.catalogNumber(), track.cueTimeMs, unknown));
    }

    private static String unquote(String argument) {
        String text = argument.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\\\"", "\"");
        }
        return text;
    }

    private static final class Track {
        final int lineNumber;
        final String line;
        final int number;
        String performer;
        String title;
        Long cueTimeMs;

        Track(int lineNumber, String line, int number) {
            this.lineNumber = lineNumber;
            this.line = line;
            this.number = number;
        }
    }
}
