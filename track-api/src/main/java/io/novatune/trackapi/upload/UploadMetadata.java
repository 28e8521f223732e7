package io.novatune.trackapi.upload;

import io.novatune.platform.validation.PlainText;
import io.novatune.trackapi.track.TrackFieldRules;
import io.novatune.trackapi.track.TrackMetadata;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

import static io.novatune.trackapi.track.TrackFieldRules.blankToNull;
import static io.novatune.trackapi.track.TrackFieldRules.normaliseIsrc;

/** The {@code metadata} part of an upload: the fields of a track, under the same rules as when adding one as JSON. */
public record UploadMetadata(
        @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String title,
        @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String artist,
        @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String album,
        @Pattern(regexp = TrackFieldRules.ISRC, message = TrackFieldRules.ISRC_MESSAGE) String isrc,
        @PlainText @Size(max = TrackFieldRules.GENRE_MAX) String genre,
        @DecimalMin(TrackFieldRules.BPM_MIN) @DecimalMax(TrackFieldRules.BPM_MAX) @Digits(integer = 3, fraction = 2)
        BigDecimal bpm,
        @Pattern(regexp = TrackFieldRules.MUSICAL_KEY, message = TrackFieldRules.MUSICAL_KEY_MESSAGE) String musicalKey,
        @Positive Long durationMs) {

    TrackMetadata toMetadata() {
        return new TrackMetadata(title.strip(), artist.strip(), blankToNull(album), normaliseIsrc(isrc),
                blankToNull(genre), bpm, blankToNull(musicalKey), durationMs);
    }
}
