package io.novatune.trackapi.archive;

import java.time.Instant;

/**
 * A provider track of the user's whose assets are at risk of being lost.
 *
 * @param reason    {@code FAILED}: archiving gave up (a non-retryable failure, or retries ran out before the expiry);
 *                  {@code EXPIRING}: not archived yet and the links expire within the warning window;
 *                  {@code EXPIRED}: not archived and the links have expired — the assets are lost
 * @param lastError the archiver's last reason, when it gave one
 */
public record ArchiveWarning(String trackId, String title, String reason, Instant expiresAt, String lastError) {
}
