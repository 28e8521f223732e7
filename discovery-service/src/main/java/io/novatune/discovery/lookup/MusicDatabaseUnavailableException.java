package io.novatune.discovery.lookup;

import java.time.Duration;

/** A music database did not answer usefully: down, too slow, rate limiting us, or its circuit is open. */
public class MusicDatabaseUnavailableException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    public MusicDatabaseUnavailableException(String message, boolean retryable, Duration retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    /** What the database asked us to wait ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
