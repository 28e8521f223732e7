package io.novatune.discovery.musicbrainz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingQueryTest {

    @Test
    void artist_and_title_are_quoted_phrases_in_their_fields() {
        assertThat(RecordingQuery.of("Bicep", "Glue")).isEqualTo("recording:\"Glue\" AND artist:\"Bicep\"");
    }

    @Test
    void lucene_operators_inside_values_are_neutralised_and_quotes_and_backslashes_escaped() {
        assertThat(RecordingQuery.of("AC/DC", "Who Made Who (Live) && \"Back\" \\ In: Black?"))
                .isEqualTo("recording:\"Who Made Who (Live) && \\\"Back\\\" \\\\ In: Black?\" AND artist:\"AC/DC\"");
    }

    @Test
    void a_missing_artist_searches_the_title_alone() {
        assertThat(RecordingQuery.of(null, "Glue")).isEqualTo("recording:\"Glue\"");
    }

    @Test
    void the_fuzzy_query_has_every_word_of_the_title_and_of_the_first_credited_artist_as_a_fuzzy_term() {
        assertThat(RecordingQuery.fuzzy("DJ Koze ft. Róisín Murphy", "Illumination (Edit!)"))
                .isEqualTo("recording:(illumination~ edit~) AND artist:(dj koze~)");
    }
}
