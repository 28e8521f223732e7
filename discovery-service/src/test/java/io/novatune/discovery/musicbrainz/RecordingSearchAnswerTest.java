package io.novatune.discovery.musicbrainz;

import io.novatune.discovery.identification.Confidence;
import io.novatune.discovery.identification.MatchScoring;
import io.novatune.discovery.identification.TrackDescription;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingSearchAnswerTest {

    private static List<RecordingCandidate> recorded() throws Exception {
        try (InputStream json = RecordingSearchAnswerTest.class.getResourceAsStream("/musicbrainz/recording-hot-chip-flutes.json")) {
            return RecordingSearchAnswer.candidates(JsonMapper.builder().build().readTree(json));
        }
    }

    @Test
    void a_recorded_search_answer_gives_candidates_with_version_length_isrc_and_release() throws Exception {
        List<RecordingCandidate> candidates = recorded();

        assertThat(candidates).hasSize(2);
        RecordingCandidate first = candidates.get(0);
        assertThat(first.mbid()).isEqualTo("5f3c2a8e-8d7c-4c4f-9a0e-1b2c3d4e5f60");
        assertThat(first.searchScore()).isEqualTo(100);
        assertThat(first.track()).isEqualTo(new TrackDescription("Hot Chip", "Flutes", "Sasha remix", null, 529_000L, "GBCEL1200573"));
        assertThat(first.firstReleaseDate()).isEqualTo("2012-11-12");
        assertThat(first.releaseTitle()).isEqualTo("Flutes (remixes)");
        assertThat(candidates.get(1).track().artist()).isEqualTo("Hot Chip feat. Someone");
        assertThat(candidates.get(1).track().remix()).isEqualTo("radio edit");
    }

    @Test
    void the_entry_scores_strong_against_the_right_remix_and_not_against_the_radio_edit() throws Exception {
        List<RecordingCandidate> candidates = recorded();
        TrackDescription entry = new TrackDescription("Hot Chip", "Flutes", "Sasha Remix", null, null, null);
        MatchScoring scoring = new MatchScoring();

        assertThat(scoring.score(entry, candidates.get(0).track()).confidence()).isEqualTo(Confidence.STRONG);
        assertThat(scoring.score(entry, candidates.get(1).track()).confidence()).isNotEqualTo(Confidence.STRONG);
    }

    @Test
    void an_answer_without_recordings_has_no_candidates() throws Exception {
        assertThat(RecordingSearchAnswer.candidates(JsonMapper.builder().build()
                .readTree("{\"created\":\"2026-11-30T10:12:44.081Z\",\"count\":0,\"offset\":0,\"recordings\":[]}"))).isEmpty();
    }
}
