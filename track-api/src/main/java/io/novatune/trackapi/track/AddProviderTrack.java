package io.novatune.trackapi.track;

/** The command to add an AI-generated track whose provider hosts its assets until the links expire. */
public record AddProviderTrack(String userId, TrackMetadata metadata, ProviderLinks provider) {
}
