package io.novatune.trackapi.track;

import io.novatune.platform.validation.PlainText;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** The fields a merge patch may carry, validated like {@link AddTrackRequest}; which ones are present is read from the JSON. */
record TrackPatchRequest(
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String title,
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String artist,
        @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String album,
        @Pattern(regexp = TrackFieldRules.ISRC, message = TrackFieldRules.ISRC_MESSAGE) String isrc,
        @PlainText @Size(max = TrackFieldRules.GENRE_MAX) String genre,
        @DecimalMin(TrackFieldRules.BPM_MIN) @DecimalMax(TrackFieldRules.BPM_MAX) @Digits(integer = 3, fraction = 2)
        BigDecimal bpm,
        @Pattern(regexp = TrackFieldRules.MUSICAL_KEY, message = TrackFieldRules.MUSICAL_KEY_MESSAGE) String musicalKey,
        @Positive Long durationMs) {
}
