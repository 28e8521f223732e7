package io.novatune.archiver.storage;

/** A verified copy in the bucket: its bytes were counted and hashed on the way in. */
public record StoredCopy(String key, long sizeBytes, String sha256, String contentType) {
}
