package io.novatune.trackapi.library;

import io.novatune.trackapi.track.TrackResponse;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One page of a library listing; {@code nextCursor} is null on the last page. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrackPageResponse(List<TrackResponse> items, String nextCursor, boolean hasMore) {
}
