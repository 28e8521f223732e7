package io.novatune.trackapi.deletion;

/** A row removed after its objects were deleted, and the quota it gives back. */
public record PurgedTrack(String trackId, String userId, long fileSizeBytes) {
}
