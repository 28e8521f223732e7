package io.novatune.discovery.tracklist;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Where the mix can be heard. */
public record TracklistSource(@NotNull SourceType type, @Size(max = 2000) String url) {
}
