package io.novatune.discovery.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextTracklistParserTest {

    private final TextTracklistParser parser = new TextTracklistParser();

    /** line | position | artist | title | remix | label | catalog number | cue time (ms); {@code _} = none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "_", textBlock = """
            1. Bicep - Glue                                                   | 1  | Bicep                    | Glue                        | _                    | _         | _        | _
            01 Floating Points - Silhouettes (I, II & III)                    | 1  | Floating Points          | Silhouettes (I, II & III)   | _                    | _         | _        | _
            [01] Aphex Twin - Xtal                                            | 1  | Aphex Twin               | Xtal                        | _                    | _         | _        | _
            1) Four Tet - Baby                                                | 1  | Four Tet                 | Baby                        | _                    | _         | _        | _
            [08:45] Jon Hopkins - Open Eye Signal                             | 1  | Jon Hopkins              | Open Eye Signal             | _                    | _         | _        | 525000
            1:02:28 Ross From Friends - Talk To Me You'll Understand          | 1  | Ross From Friends        | Talk To Me You'll Understand| _                    | _         | _        | 3748000
            Moderat - A New Error (45:10)                                     | 1  | Moderat                  | A New Error                 | _                    | _         | _        | 2710000
            03. [12:30] Bonobo - Kerala                                       | 3  | Bonobo                   | Kerala                      | _                    | _         | _        | 750000
            Caribou – Can't Do Without You                                    | 1  | Caribou                  | Can't Do Without You        | _                    | _         | _        | _
            Burial — Archangel                                                | 1  | Burial                   | Archangel                   | _                    | _         | _        | _
            Daft Punk & Pharrell - Get Lucky                                  | 1  | Daft Punk & Pharrell     | Get Lucky                   | _                    | _         | _        | _
            Armand Van Helden vs. Duck Sauce - aNYway                         | 1  | Armand Van Helden vs. Duck Sauce | aNYway              | _                    | _         | _        | _
            Calvin Harris feat. Florence Welch - Sweet Nothing                | 1  | Calvin Harris feat. Florence Welch | Sweet Nothing     | _                    | _         | _        | _
            Sonny Fodera ft. Clementine Douglas - Mind Still                  | 1  | Sonny Fodera ft. Clementine Douglas | Mind Still       | _                    | _         | _        | _
            Masters At Work pres. Nuyorican Soul - Runaway                    | 1  | Masters At Work pres. Nuyorican Soul | Runaway         | _                    | _         | _        | _
            Fred again.. x Skrillex - Rumble                                  | 1  | Fred again.. x Skrillex  | Rumble                      | _                    | _         | _        | _
            Simon and Garfunkel - The Boxer                                   | 1  | Simon and Garfunkel      | The Boxer                   | _                    | _         | _        | _
            Solomun - Customer Is King (Original Mix)                         | 1  | Solomun                  | Customer Is King            | Original Mix         | _         | _        | _
            Basic Channel - Phylyps Trak [Dub]                                | 1  | Basic Channel            | Phylyps Trak                | Dub                  | _         | _        | _
            Hot Chip - Flutes (Bicep Remix)                                   | 1  | Hot Chip                 | Flutes                      | Bicep Remix          | _         | _        | _
            Donna Summer - I Feel Love (Re-edit)                              | 1  | Donna Summer             | I Feel Love                 | Re-edit              | _         | _        | _
            Adele - Rolling In The Deep (Acapella)                            | 1  | Adele                    | Rolling In The Deep         | Acapella             | _         | _        | _
            Kerri Chandler - Rain (Instrumental)                              | 1  | Kerri Chandler           | Rain                        | Instrumental         | _         | _        | _
            Chase & Status - Blind Faith (VIP)                                | 1  | Chase & Status           | Blind Faith                 | VIP                  | _         | _        | _
            Autechre - Gantz Graf [Warp]                                      | 1  | Autechre                 | Gantz Graf                  | _                    | Warp      | _        | _
            Depeche Mode - Enjoy The Silence (Mute)                           | 1  | Depeche Mode             | Enjoy The Silence           | _                    | Mute      | _        | _
            Hot Chip - Flutes (Sasha Remix) [Domino]                          | 1  | Hot Chip                 | Flutes                      | Sasha Remix          | Domino    | _        | _
            Aphex Twin - Windowlicker [Warp WAP105]                           | 1  | Aphex Twin               | Windowlicker                | _                    | Warp      | WAP105   | _
            Plastikman - Spastik [NOVAMUTE 1234]                              | 1  | Plastikman               | Spastik                     | _                    | _         | NOVAMUTE 1234 | _
            Mr. Fingers - Can You Feel It (Chicago - Trax Remix)              | 1  | Mr. Fingers              | Can You Feel It             | Chicago - Trax Remix | _         | _        | _
            Squarepusher - Come On My Selector (Big Loada - Warp)             | 1  | Squarepusher             | Come On My Selector         | _                    | Big Loada - Warp | _ | _
            Boards of Canada - Out To Lunch EP                                | 1  | Boards of Canada         | Out To Lunch EP             | _                    | _         | _        | _
            Tortoise - Wow & Flutter                                          | 1  | Tortoise                 | Wow & Flutter               | _                    | _         | _        | _
            Orbital - Halcyon (feat. Kirsty Hawkshaw)                         | 1  | Orbital                  | Halcyon (feat. Kirsty Hawkshaw) | _                | _         | _        | _
            * Todd Terje - Inspector Norse                                    | 1  | Todd Terje               | Inspector Norse             | _                    | _         | _        | _
            """)
    void a_real_world_line_is_split_into_position_artist_title_version_label_and_time(
            String line, int position, String artist, String title, String remix, String label, String catalogNumber, Long cueTime) {
        ParseResult result = parser.parse(line);

        assertThat(result.unparsed()).isEmpty();
        assertThat(result.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.position()).isEqualTo(position);
            assertThat(entry.artist()).isEqualTo(artist);
            assertThat(entry.title()).isEqualTo(title);
            assertThat(entry.remix()).isEqualTo(remix);
            assertThat(entry.label()).isEqualTo(label);
            assertThat(entry.catalogNumber()).isEqualTo(catalogNumber);
            assertThat(entry.cueTimeMs()).isEqualTo(cueTime);
            assertThat(entry.unknown()).isFalse();
        });
    }

    @Test
    void artist_credits_are_split_into_names() {
        ParsedEntry entry = parser.parse("Armand Van Helden vs. Duck Sauce feat. Someone & Other - aNYway").entries().get(0);

        assertThat(entry.artists()).containsExactly("Armand Van Helden", "Duck Sauce", "Someone", "Other");
    }

    @Test
    void id_lines_are_kept_and_marked_unknown() {
        ParseResult result = parser.parse("1. ID - ID\n2. ID\n3. Bicep - ID\n");

        assertThat(result.unparsed()).isEmpty();
        assertThat(result.entries()).extracting(ParsedEntry::position).containsExactly(1, 2, 3);
        assertThat(result.entries()).allMatch(ParsedEntry::unknown);
        assertThat(result.entries().get(2).artist()).isEqualTo("Bicep");
        assertThat(result.entries().get(2).title()).isNull();
    }

    @Test
    void mashups_with_w_slash_and_vs_are_entries_sharing_a_position() {
        ParseResult result = parser.parse("""
                5. Daft Punk - Around The World w/ Chic - Good Times
                6. Kanye West - Stronger vs Daft Punk - Harder Better Faster Stronger
                """);

        assertThat(result.entries()).extracting(ParsedEntry::position, ParsedEntry::artist, ParsedEntry::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(5, "Daft Punk", "Around The World"),
                        org.assertj.core.groups.Tuple.tuple(5, "Chic", "Good Times"),
                        org.assertj.core.groups.Tuple.tuple(6, "Kanye West", "Stronger"),
                        org.assertj.core.groups.Tuple.tuple(6, "Daft Punk", "Harder Better Faster Stronger"));
    }

    @Test
    void lines_without_a_separator_are_reported_with_their_number_and_reason() {
        ParseResult result = parser.parse("Tracklist:\n\n1. Bicep - Glue\nthanks for listening");

        assertThat(result.entries()).hasSize(1);
        assertThat(result.unparsed()).extracting(UnparsedLine::lineNumber, UnparsedLine::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Tracklist:"),
                        org.assertj.core.groups.Tuple.tuple(4, "thanks for listening"));
        assertThat(result.unparsed()).allSatisfy(line -> assertThat(line.reason()).isNotBlank());
    }

    @Test
    void entries_without_a_position_follow_the_previous_one() {
        List<ParsedEntry> entries = parser.parse("Bicep - Glue\n07 Four Tet - Baby\nBurial - Archangel").entries();

        assertThat(entries).extracting(ParsedEntry::position).containsExactly(1, 7, 8);
    }
}
