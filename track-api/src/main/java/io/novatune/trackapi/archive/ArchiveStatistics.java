package io.novatune.trackapi.archive;

import java.time.Duration;

/**
 * Provider tracks that are not being purged, by archive state.
 *
 * @param pendingArchive       not archived, links still valid
 * @param urgentArchiveNeeded  of those, the links expire within {@code novatune.archive.urgent-within}
 * @param expiredTracks        not archived and the links have expired: the assets are lost
 * @param archivePercentage    archived of all, 0–100 with two decimals (0 when there are none)
 * @param failureRate          of the tracks whose archiving has an outcome (archived, stopped for good without a copy,
 *                             or links expired unarchived), the share without a copy: 0–1 with four decimals (0 when
 *                             none has an outcome yet)
 * @param averageLeadTime      how long before their links' expiry the archived tracks were archived, on average
 *                             (ISO-8601 duration); absent while none is archived
 */
public record ArchiveStatistics(
        long totalArchived,
        long pendingArchive,
        long urgentArchiveNeeded,
        long expiredTracks,
        double archivePercentage,
        double failureRate,
        Duration averageLeadTime) {
}
