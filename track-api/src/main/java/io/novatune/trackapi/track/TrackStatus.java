package io.novatune.trackapi.track;

/** Where a track is in its life. Only the first three are visible in a user's library. */
public enum TrackStatus {
    PROCESSING,
    READY,
    FAILED,
    /** Soft-deleted: restorable until its scheduled deletion. */
    DELETED,
    /** Claimed for physical deletion: no longer restorable. */
    PURGING,
    /** Physical deletion gave up after its attempts; visible to admins. */
    DELETE_FAILED;

    /** The statuses a user's library shows, as an SQL list for {@code status IN ...}: written once, here. */
    public static final String VISIBLE_SQL = "('PROCESSING', 'READY', 'FAILED')";

    public boolean isVisible() {
        return this == PROCESSING || this == READY || this == FAILED;
    }
}
