package io.novatune.discovery.tracklist;

import io.novatune.discovery.parsing.UnparsedLine;

import java.time.Instant;
import java.util.List;

/** A user's tracklist with its entries and the lines that did not parse. */
public record Tracklist(String id, String title, String djName, Instant playedAt, TracklistSource source, String format,
                        Instant createdAt, Instant updatedAt, List<Entry> entries, List<UnparsedLine> unparsed) {
}
