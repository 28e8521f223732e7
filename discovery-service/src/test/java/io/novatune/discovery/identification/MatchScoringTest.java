package io.novatune.discovery.identification;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchScoringTest {

    private final MatchScoring scoring = new MatchScoring();

    @Test
    void the_same_track_written_differently_is_a_strong_match() {
        MatchScore score = scoring.score(
                new TrackDescription("Beyoncé feat. Jay-Z", "Crazy In Love", null, null, 236_000L, null),
                new TrackDescription("Beyonce", "Crazy in Love", null, null, 235_000L, null));

        assertThat(score.confidence()).isEqualTo(Confidence.STRONG);
        assertThat(score.distance()).isLessThanOrEqualTo(0.04);
    }

    @Test
    void a_leading_the_and_an_original_mix_make_no_difference() {
        MatchScore score = scoring.score(new TrackDescription("The Chemical Brothers", "Galvanize", "Original Mix", null, null, null),
                new TrackDescription("Chemical Brothers", "Galvanize", null, null, null, null));

        assertThat(score.distance()).isZero();
    }

    @Test
    void another_remix_of_the_same_title_is_at_best_a_medium_match() {
        MatchScore score = scoring.score(new TrackDescription("Hot Chip", "Flutes", "Sasha Remix", null, null, null),
                new TrackDescription("Hot Chip", "Flutes", "Daniel Avery Remix", null, null, null));

        assertThat(score.confidence()).isNotEqualTo(Confidence.STRONG);
        assertThat(score.components().get("version")).isGreaterThan(0.3);
    }

    @Test
    void another_track_of_the_same_artist_is_provisional() {
        MatchScore score = scoring.score(new TrackDescription("Bicep", "Glue", null, null, 269_000L, null),
                new TrackDescription("Bicep", "Apricots", null, null, 330_000L, null));

        assertThat(score.confidence()).isEqualTo(Confidence.PROVISIONAL);
    }

    @Test
    void a_duration_within_ten_seconds_is_equal_and_forty_seconds_off_is_as_far_as_it_gets() {
        assertThat(scoring.score(new TrackDescription(null, null, null, null, 200_000L, null),
                new TrackDescription(null, null, null, null, 209_000L, null)).components().get("duration")).isZero();
        assertThat(scoring.score(new TrackDescription(null, null, null, null, 200_000L, null),
                new TrackDescription(null, null, null, null, 240_000L, null)).components().get("duration")).isEqualTo(1.0);
    }

    @Test
    void an_identical_isrc_is_a_strong_match_whatever_the_strings_say() {
        MatchScore score = scoring.score(new TrackDescription("A", "Something", null, null, null, "GBAYE0601498"),
                new TrackDescription("Completely Else", "Other", null, null, null, "gbaye0601498"));

        assertThat(score.confidence()).isEqualTo(Confidence.STRONG);
    }

    @Property(tries = 300)
    void the_distance_is_always_between_zero_and_one(@ForAll String artist, @ForAll String title, @ForAll String other) {
        double distance = scoring.score(new TrackDescription(artist, title, other, null, null, null),
                new TrackDescription(other, artist, title, other, null, null)).distance();

        assertThat(distance).isBetween(0.0, 1.0);
    }
}
