package io.novatune.discovery.jobs;

import java.util.List;

/** Which entries to identify: all ({@code processAll: true}) or those at the given positions. */
public record DiscoverTracksRequest(Boolean processAll, List<Integer> positions) {
}
