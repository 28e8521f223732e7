package io.novatune.discovery.tracklist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The fields to change; an absent field stays as it is. */
public record PatchTracklistRequest(
        @Size(min = 1, max = 300) String title,
        @Size(max = 200) String djName,
        Instant playedAt,
        @Valid TracklistSource source) {
}
