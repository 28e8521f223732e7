package io.novatune.discovery.parsing;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses JSON tracklists: our own schema ({@code {"entries": [{position, artist, title, remix, label, catalogNumber,
 * cueTime}]}}), the common export shape ({@code {"tracks": [{artist, title, ...}]}}) and a bare array of either.
 * {@code cueTime} may be milliseconds or {@code mm:ss}/{@code h:mm:ss}. Never throws: malformed JSON is one unparsed line.
 */
public final class JsonTracklistParser {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public ParseResult parse(String content) {
        List<ParsedEntry> entries = new ArrayList<>();
        List<UnparsedLine> unparsed = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(content == null ? "" : content);
        } catch (JacksonException e) {
            unparsed.add(new UnparsedLine(1, firstLine(content), "not valid JSON"));
            return new ParseResult(entries, unparsed, null, null);
        }
        JsonNode items = root == null ? null : root.isArray() ? root : root.has("entries") ? root.get("entries") : root.get("tracks");
        if (items == null || !items.isArray()) {
            unparsed.add(new UnparsedLine(1, firstLine(content), "no 'entries' or 'tracks' array"));
            return new ParseResult(entries, unparsed, null, null);
        }
        int index = 0;
        int lastPosition = 0;
        for (JsonNode item : items) {
            index++;
            String artist = text(item, "artist");
            String title = text(item, "title");
            if (!item.isObject() || (artist == null && title == null)) {
                unparsed.add(new UnparsedLine(index, item.toString(), "an entry needs an artist or a title"));
                continue;
            }
            int position = item.has("position") && item.get("position").canConvertToInt()
                    ? item.get("position").asInt() : lastPosition + 1;
            lastPosition = position;
            String remix = text(item, "remix");
            String mainTitle = title;
            if (remix == null && title != null) {
                TextTracklistParser.Trailing trailing = TextTracklistParser.trailing(title);
                mainTitle = trailing.title();
                remix = trailing.remix();
            }
            String label = text(item, "label");
            String catalogNumber = text(item, "catalogNumber");
            boolean unknown = artist == null || title == null || "ID".equalsIgnoreCase(artist) || "ID".equalsIgnoreCase(title);
            entries.add(new ParsedEntry(0, position, artist, Credits.split(artist), mainTitle, remix, label, catalogNumber,
                    cueTime(item.get("cueTime")), unknown));
        }
        return new ParseResult(entries, unparsed, text(root, "djName"), text(root, "title"));
    }

    private static Long cueTime(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        return node.isString() ? TextTracklistParser.millis(node.asString()).orElse(null) : null;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String firstLine(String content) {
        if (content == null) {
            return "";
        }
        String first = content.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 200) : first;
    }
}
