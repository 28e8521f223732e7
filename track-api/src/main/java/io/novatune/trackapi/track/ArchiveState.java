package io.novatune.trackapi.track;

import java.time.Instant;

/** Our copies of a provider track's assets, and the timer that makes them. */
public record ArchiveState(
        Instant dueAt,
        Instant archivedAt,
        String audioKey,
        String coverKey,
        String videoKey,
        int attempts,
        String lastError) {

    public boolean archived() {
        return archivedAt != null;
    }
}
