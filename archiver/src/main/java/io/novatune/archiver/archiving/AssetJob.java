package io.novatune.archiver.archiving;

import io.novatune.events.AssetKind;

/** One provider file of an {@code ArchiveDue} to copy. */
public record AssetJob(String trackId, String userId, String providerName, AssetKind kind, String link) {
}
