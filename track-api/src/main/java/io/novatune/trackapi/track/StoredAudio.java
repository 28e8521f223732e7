package io.novatune.trackapi.track;

/** An uploaded file in our object storage. */
public record StoredAudio(String objectKey, String waveformKey, long sizeBytes, String contentType) {
}
