package io.novatune.discovery.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a tracklist as people write them: one track a line, with optional position and timestamp in front, an artist
 * credit, a separator ({@code -}, {@code –}, {@code —}), the title, and trailing parentheticals naming the version,
 * the label or the catalog number. Never throws; every non-blank line becomes entries or an {@link UnparsedLine}.
 */
public final class TextTracklistParser {

    private static final Pattern TIME = Pattern.compile("(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})");
    private static final Pattern LEADING_TIME = Pattern.compile("^[\\[(]?((?:\\d{1,2}:)?\\d{1,2}:\\d{2})[\\])]?(?:\\s+|\\s*[-–—|]\\s+)");
    private static final Pattern LEADING_POSITION = Pattern.compile(
            "^(?:\\[(\\d{1,3})]|\\((\\d{1,3})\\)|#?(\\d{1,3})[.):]|#?(0\\d{1,2})|#(\\d{1,3}))(?:\\s+|\\s*[-–—]\\s+)");
    private static final Pattern BULLET = Pattern.compile("^[*•·>]+\\s*");
    private static final Pattern NOTE = Pattern.compile(
            "\\b(?:feat\\.?|ft\\.?|featuring|part|pt\\.?|vol\\.?|volume|ep|lp)\\b", Pattern.CASE_INSENSITIVE);
    /** {@code (I, II & III)}, {@code (2)}: numbering belongs to the title. */
    private static final Pattern NUMBERING = Pattern.compile("[IVX\\d]+(?:\\s*(?:,|&|and)\\s*[IVX\\d]+)*");
    private static final String[] SEPARATORS = {" - ", " – ", " — "};

    /** Parses the lines of {@code content}; an entry without a position of its own follows the previous one. */
    public ParseResult parse(String content) {
        List<ParsedEntry> entries = new ArrayList<>();
        List<UnparsedLine> unparsed = new ArrayList<>();
        if (content == null) {
            return new ParseResult(entries, unparsed, null, null);
        }
        String[] lines = content.split("\\r\\n|\\r|\\n", -1);
        int lastPosition = 0;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.isBlank()) {
                continue;
            }
            LineOutcome outcome = parseLine(line, index + 1, lastPosition + 1);
            if (outcome.entries().isEmpty()) {
                unparsed.add(new UnparsedLine(index + 1, line, outcome.reason()));
            } else {
                entries.addAll(outcome.entries());
                lastPosition = outcome.entries().get(0).position();
            }
        }
        return new ParseResult(entries, unparsed, null, null);
    }

    private record LineOutcome(List<ParsedEntry> entries, String reason) {
    }

    private LineOutcome parseLine(String line, int lineNumber, int nextPosition) {
        String rest = BULLET.matcher(line.strip()).replaceFirst("");
        Integer position = null;
        Long cueTime = null;
        for (int round = 0; round < 3; round++) {
            Matcher time = LEADING_TIME.matcher(rest);
            if (cueTime == null && time.find()) {
                cueTime = millis(time.group(1)).orElse(null);
                rest = rest.substring(time.end());
                continue;
            }
            Matcher pos = LEADING_POSITION.matcher(rest);
            if (position == null && pos.find()) {
                position = firstNumber(pos);
                rest = rest.substring(pos.end());
                continue;
            }
            break;
        }
        rest = rest.strip();
        int entryPosition = position == null ? nextPosition : position;
        List<ParsedEntry> entries = new ArrayList<>();
        for (String part : mashupParts(rest)) {
            Optional<ParsedEntry> entry = track(part, lineNumber, entryPosition, cueTime);
            if (entry.isEmpty()) {
                return new LineOutcome(List.of(), rest.isEmpty()
                        ? "no track after the position or timestamp"
                        : "no ' - ' between artist and title");
            }
            entries.add(entry.get());
        }
        return new LineOutcome(entries, null);
    }

    /** {@code A - B w/ C - D} and {@code A - B vs C - D}: two tracks played together, sharing a position. */
    private static List<String> mashupParts(String text) {
        List<String> parts = new ArrayList<>();
        for (String withPart : splitAtDepthZero(text, " w/ ")) {
            List<String> versus = splitAtDepthZero(withPart, " vs ");
            if (versus.size() > 1 && versus.stream().allMatch(piece -> separatorAt(piece) >= 0)) {
                parts.addAll(versus);
            } else {
                parts.add(withPart);
            }
        }
        return parts;
    }

    private static Optional<ParsedEntry> track(String text, int lineNumber, int position, Long cueTime) {
        String part = text.strip();
        if (part.equalsIgnoreCase("ID") || part.equalsIgnoreCase("ID - ID") || part.equalsIgnoreCase("ID – ID")) {
            return Optional.of(new ParsedEntry(lineNumber, position, null, List.of(), null, null, null, null, cueTime, true));
        }
        int separator = separatorAt(part);
        if (separator < 0) {
            return Optional.empty();
        }
        String artist = part.substring(0, separator).strip();
        String titlePart = part.substring(separator + 3).strip();
        if (artist.isEmpty() || titlePart.isEmpty()) {
            return Optional.empty();
        }
        Trailing trailing = trailing(titlePart);
        Long time = cueTime != null ? cueTime : trailing.cueTime();
        boolean unknownArtist = artist.equalsIgnoreCase("ID");
        boolean unknownTitle = trailing.title().equalsIgnoreCase("ID");
        return Optional.of(new ParsedEntry(lineNumber, position,
                unknownArtist ? null : artist,
                unknownArtist ? List.of() : Credits.split(artist),
                unknownTitle ? null : trailing.title(),
                trailing.remix(), trailing.label(), trailing.catalogNumber(), time, unknownArtist || unknownTitle));
    }

    record Trailing(String title, String remix, String label, String catalogNumber, Long cueTime) {
    }

    /** Takes version, label, catalog number and time off the end of a title, right to left. */
    static Trailing trailing(String titlePart) {
        String title = titlePart.strip();
        String remix = null;
        String label = null;
        String catalogNumber = null;
        Long cueTime = null;
        while (true) {
            int open = trailingGroupStart(title);
            if (open <= 0) {
                break;
            }
            String inner = title.substring(open + 1, title.length() - 1).strip();
            Optional<Long> time = millis(inner);
            if (time.isPresent() && cueTime == null) {
                cueTime = time.get();
            } else if (remix == null && !inner.isEmpty() && Versions.namesVersion(inner)) {
                remix = inner;
            } else if (remix == null && label == null && catalogNumber == null && !inner.isEmpty()
                    && !NOTE.matcher(inner).find() && !NUMBERING.matcher(inner).matches()) {
                String[] labelAndCatalog = labelAndCatalog(inner);
                label = labelAndCatalog[0];
                catalogNumber = labelAndCatalog[1];
            } else {
                break;
            }
            title = title.substring(0, open).strip();
        }
        if (title.isEmpty()) {
            return new Trailing(titlePart.strip(), null, null, null, null);
        }
        return new Trailing(title, remix, label, catalogNumber, cueTime);
    }

    private static String[] labelAndCatalog(String inner) {
        if (Versions.isCatalogNumber(inner)) {
            return new String[] {null, inner};
        }
        for (String separator : SEPARATORS) {
            int at = inner.lastIndexOf(separator);
            if (at > 0 && Versions.isCatalogNumber(inner.substring(at + separator.length()))) {
                return new String[] {inner.substring(0, at).strip(), inner.substring(at + separator.length()).strip()};
            }
        }
        int space = inner.lastIndexOf(' ');
        if (space > 0 && Versions.isCatalogNumber(inner.substring(space + 1))) {
            return new String[] {inner.substring(0, space).strip(), inner.substring(space + 1)};
        }
        return new String[] {inner, null};
    }

    /** Where the bracketed group closing the text opens, or -1 when the text does not end with one. */
    private static int trailingGroupStart(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        char close = text.charAt(text.length() - 1);
        char open = close == ')' ? '(' : close == ']' ? '[' : 0;
        if (open == 0) {
            return -1;
        }
        int depth = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == close) {
                depth++;
            } else if (c == open && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The first artist/title separator outside any parenthetical: a dash inside one never splits. */
    private static int separatorAt(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && c == ' ') {
                for (String separator : SEPARATORS) {
                    if (text.startsWith(separator, i)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private static List<String> splitAtDepthZero(String text, String delimiter) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if (depth == 0 && text.regionMatches(true, i, delimiter, 0, delimiter.length())) {
                parts.add(text.substring(start, i));
                start = i + delimiter.length();
                i = start - 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static Integer firstNumber(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return Integer.parseInt(matcher.group(group));
            }
        }
        return null;
    }

    /** {@code 45:10} or {@code 1:02:28} in milliseconds; empty when it is not a time. */
    static Optional<Long> millis(String text) {
        Matcher matcher = TIME.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long minutes = Long.parseLong(matcher.group(2));
        long seconds = Long.parseLong(matcher.group(3));
        if (seconds >= 60 || (matcher.group(1) != null && minutes >= 60)) {
            return Optional.empty();
        }
        return Optional.of(((hours * 60 + minutes) * 60 + seconds) * 1000);
    }
}
