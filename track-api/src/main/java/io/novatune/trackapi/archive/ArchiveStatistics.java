package io.novatune.trackapi.archive;

/**
 * Provider tracks that are not being purged, by archive state.
 *
 * @param pendingArchive       not archived, links still valid
 * @param urgentArchiveNeeded  of those, the links expire within {@code novatune.archive.urgent-within}
 * @param expiredTracks        not archived and the links have expired: the assets are lost
 * @param archivePercentage    archived of all, 0–100 with two decimals (0 when there are none)
 */
public record ArchiveStatistics(
        long totalArchived,
        long pendingArchive,
        long urgentArchiveNeeded,
        long expiredTracks,
        double archivePercentage) {
}
