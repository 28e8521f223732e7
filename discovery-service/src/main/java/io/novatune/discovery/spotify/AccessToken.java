package io.novatune.discovery.spotify;

import java.time.Duration;
import java.time.Instant;

/** A client-credentials access token and when it expires; renewed a little early so a request never carries a stale one. */
record AccessToken(String value, Instant expiresAt) {

    static final AccessToken NONE = new AccessToken("", Instant.EPOCH);
    private static final Duration MARGIN = Duration.ofSeconds(30);

    boolean validAt(Instant now) {
        return now.plus(MARGIN).isBefore(expiresAt);
    }
}
