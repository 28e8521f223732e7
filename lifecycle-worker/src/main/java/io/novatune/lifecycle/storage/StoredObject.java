package io.novatune.lifecycle.storage;

import java.time.Instant;

/** An object as a listing shows it. */
public record StoredObject(String key, long sizeBytes, Instant lastModified) {
}
