package io.novatune.trackapi.quota;

/**
 * A user's quota as they see it.
 *
 * @param trackCount every track that still has a row: visible ones and deleted ones not yet purged, since those
 *                   still occupy storage and count in {@code usedBytes} until their purge
 */
public record QuotaUsage(long usedBytes, long limitBytes, long trackCount) {
}
