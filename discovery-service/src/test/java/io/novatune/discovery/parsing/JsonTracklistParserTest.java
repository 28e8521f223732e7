package io.novatune.discovery.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class JsonTracklistParserTest {

    private final JsonTracklistParser parser = new JsonTracklistParser();

    @Test
    void our_own_schema_is_read_field_by_field() {
        ParseResult result = parser.parse("""
                {"entries": [{"position": 3, "artist": "Hot Chip", "title": "Flutes", "remix": "Sasha Remix",
                              "label": "Domino", "catalogNumber": "RUG123", "cueTime": "12:30"}]}
                """);

        assertThat(result.entries()).extracting(ParsedEntry::position, ParsedEntry::artist, ParsedEntry::title,
                        ParsedEntry::remix, ParsedEntry::label, ParsedEntry::catalogNumber, ParsedEntry::cueTimeMs)
                .containsExactly(tuple(3, "Hot Chip", "Flutes", "Sasha Remix", "Domino", "RUG123", 750_000L));
    }

    @Test
    void the_common_tracks_export_shape_is_read_and_versions_are_taken_off_titles() {
        ParseResult result = parser.parse("""
                {"tracks": [{"artist": "Bicep", "title": "Glue (Original Mix)"}, {"artist": "Burial"}, 42]}
                """);

        assertThat(result.entries()).extracting(ParsedEntry::position, ParsedEntry::title, ParsedEntry::remix, ParsedEntry::unknown)
                .containsExactly(tuple(1, "Glue", "Original Mix", false), tuple(2, null, null, true));
        assertThat(result.unparsed()).extracting(UnparsedLine::lineNumber).containsExactly(3);
    }

    @Test
    void malformed_json_is_one_unparsed_line() {
        assertThat(parser.parse("{\"tracks\": [").unparsed()).singleElement()
                .satisfies(line -> assertThat(line.reason()).isEqualTo("not valid JSON"));
    }
}
