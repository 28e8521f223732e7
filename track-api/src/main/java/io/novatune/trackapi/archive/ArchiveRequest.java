package io.novatune.trackapi.archive;

import java.time.Instant;

/** An {@code ArchiveDue} that was just sent: which attempt, and the deadline the archiver works against. */
public record ArchiveRequest(String trackId, int attempt, Instant requestedAt, Instant providerExpiresAt) {
}
