package io.novatune.discovery.parsing;

import java.util.List;

/**
 * One track of a tracklist as the parser understood it.
 *
 * @param lineNumber    1-based line of the source it came from (0 for hand-entered or JSON entries)
 * @param position      its place in the mix; the tracks of a mashup share one
 * @param artist        the artist credit as written ({@code A & B feat. C}), {@code null} when unknown
 * @param artists       the credit split into names
 * @param title         the title, kept whole, without version, label or catalog number
 * @param remix         the version ({@code Bicep Remix}, {@code Dub}), only when the parenthetical names one
 * @param label         the record label, when the line ends with one
 * @param catalogNumber the catalog number, when given
 * @param cueTimeMs     where it starts in the mix, in milliseconds
 * @param unknown       an {@code ID - ID} or {@code ID}: kept, marked unknown
 */
public record ParsedEntry(int lineNumber, int position, String artist, List<String> artists, String title, String remix,
                          String label, String catalogNumber, Long cueTimeMs, boolean unknown) {

    public ParsedEntry {
        artists = artists == null ? List.of() : List.copyOf(artists);
    }

    ParsedEntry atPosition(int newPosition) {
        return new ParsedEntry(lineNumber, newPosition, artist, artists, title, remix, label, catalogNumber, cueTimeMs, unknown);
    }
}
