package io.novatune.discovery.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class CueSheetParserTest {

    private final CueSheetParser parser = new CueSheetParser();

    @Test
    void a_rekordbox_style_sheet_gives_performer_title_and_index_in_milliseconds() {
        ParseResult result = parser.parse("""
                REM DATE 2024
                REM RECORDED_BY "rekordbox-dj"
                PERFORMER "DJ Nova"
                TITLE "Warehouse Mix"
                FILE "mix.wav" WAVE
                  TRACK 01 AUDIO
                    TITLE "Glue"
                    PERFORMER "Bicep"
                    INDEX 01 00:00:00
                  TRACK 02 AUDIO
                    TITLE "Flutes (Sasha Remix)"
                    PERFORMER "Hot Chip"
                    INDEX 00 05:10:00
                    INDEX 01 05:12:37
                """);

        assertThat(result.unparsed()).isEmpty();
        assertThat(result.mixPerformer()).isEqualTo("DJ Nova");
        assertThat(result.mixTitle()).isEqualTo("Warehouse Mix");
        assertThat(result.entries()).extracting(ParsedEntry::position, ParsedEntry::artist, ParsedEntry::title,
                        ParsedEntry::remix, ParsedEntry::cueTimeMs)
                .containsExactly(tuple(1, "Bicep", "Glue", null, 0L),
                        tuple(2, "Hot Chip", "Flutes", "Sasha Remix", 312_493L));
    }

    @Test
    void a_traktor_sheet_with_long_minutes_and_flags_is_understood() {
        ParseResult result = parser.parse("""
                FILE "Traktor Mix.wav" WAVE
                TRACK 12 AUDIO
                FLAGS DCP
                TITLE "Open Eye Signal"
                PERFORMER "Jon Hopkins"
                INDEX 01 125:30:74
                """);

        assertThat(result.unparsed()).isEmpty();
        assertThat(result.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.position()).isEqualTo(12);
            assertThat(entry.cueTimeMs()).isEqualTo((125 * 60 + 30) * 1000L + 74 * 1000 / 75);
        });
    }

    @Test
    void a_track_without_title_and_unknown_commands_are_reported() {
        ParseResult result = parser.parse("TRACK 01 AUDIO\nPERFORMER \"X\"\nBOGUS line\nINDEX 01 1:2\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.unparsed()).extracting(UnparsedLine::lineNumber).containsExactlyInAnyOrder(1, 3, 4);
    }
}
