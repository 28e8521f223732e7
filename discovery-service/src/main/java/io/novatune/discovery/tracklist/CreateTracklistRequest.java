package io.novatune.discovery.tracklist;

import io.novatune.discovery.parsing.TracklistFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** A tracklist to parse ({@code format} + {@code content}) or entered by hand ({@code entries}): one of the two. */
public record CreateTracklistRequest(
        @NotBlank @Size(max = 300) String title,
        @Size(max = 200) String djName,
        Instant playedAt,
        @Valid TracklistSource source,
        TracklistFormat format,
        String content,
        List<@Valid EntryInput> entries) {
}
