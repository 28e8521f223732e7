package io.novatune.trackapi.album;

import io.novatune.trackapi.track.PlainText;
import io.novatune.trackapi.track.TrackFieldRules;
import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

import static io.novatune.trackapi.track.TrackFieldRules.blankToNull;
import static io.novatune.trackapi.track.TrackFieldRules.normaliseIsrc;

/** An album and its track listing, to add to the caller's library. */
public record AddAlbumRequest(
        @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String title,
        @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String artist,
        @NotEmpty @Size(max = MAX_TRACKS) List<@NotNull @Valid TrackRequest> tracks) {

    /** More than any real album (box sets included) and small enough for one insert and one event. */
    static final int MAX_TRACKS = 200;

    /** {@code artist} defaults to the album's: most albums have one artist. */
    public record TrackRequest(
            @NotBlank @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String title,
            @PlainText @Size(max = TrackFieldRules.TEXT_MAX) String artist,
            @Pattern(regexp = TrackFieldRules.ISRC, message = TrackFieldRules.ISRC_MESSAGE) String isrc,
            @Positive Long durationMs,
            @NotNull @Min(1) @Max(999) Integer trackNumber) {
    }

    @JsonIgnore
    @AssertTrue(message = "track numbers must be unique within the album")
    public boolean isTrackNumbersUnique() {
        if (tracks == null) {
            return true;
        }
        List<Integer> numbers = tracks.stream().filter(Objects::nonNull).map(TrackRequest::trackNumber)
                .filter(Objects::nonNull).toList();
        return numbers.stream().distinct().count() == numbers.size();
    }

    AddAlbum toCommand(String userId) {
        return new AddAlbum(userId, title.strip(), artist.strip(), tracks.stream()
                .map(track -> new AddAlbum.Listing(track.trackNumber(), track.title().strip(),
                        blankToNull(track.artist()), normaliseIsrc(track.isrc()), track.durationMs()))
                .toList());
    }
}
