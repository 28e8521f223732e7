package io.novatune.discovery.tracklist;

import java.util.List;

/** One entry of a stored tracklist; {@code cueTime} is {@code cueTimeMs} written as {@code h:mm:ss}. */
public record Entry(int position, String artist, List<String> artists, String title, String remix, String label,
                    String catalogNumber, Long cueTimeMs, String cueTime, boolean unknown, Integer lineNumber) {
}
