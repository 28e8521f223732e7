package io.novatune.trackapi.track;

import java.time.Instant;

/** Where a provider track stands in being copied to our storage. */
public enum ArchiveStatus {
    /** Not copied yet; the timer (or the archiver) is on it. */
    PENDING,
    /** Our copies exist; playback uses them. */
    ARCHIVED,
    /** Archiving stopped without a copy (a non-retryable failure, or retries ran out) while the links still work. */
    FAILED,
    /** Not copied and the provider's links have expired: the assets are lost. */
    EXPIRED;

    /** The status of a provider track whose links expire at {@code expiresAt}. */
    public static ArchiveStatus of(ArchiveState archive, Instant expiresAt, Instant now) {
        if (archive != null && archive.archived()) {
            return ARCHIVED;
        }
        if (!expiresAt.isAfter(now)) {
            return EXPIRED;
        }
        if (archive != null && archive.dueAt() == null && archive.lastError() != null) {
            return FAILED;
        }
        return PENDING;
    }
}
