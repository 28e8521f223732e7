package io.novatune.trackapi.storage;

/** An object now in the bucket, and how many bytes it has. */
public record StoredObject(String key, long sizeBytes) {
}
