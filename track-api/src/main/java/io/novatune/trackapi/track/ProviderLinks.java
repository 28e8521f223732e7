package io.novatune.trackapi.track;

import java.time.Instant;

/** Where an AI provider hosts a generated track, until {@code expiresAt}. */
public record ProviderLinks(String name, String audioUrl, String coverUrl, String videoUrl, Instant expiresAt) {

    public boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
