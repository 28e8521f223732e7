package io.novatune.trackapi.album;

import java.time.Duration;

/**
 * The catalog could not answer for the listing now: down, too slow, rate limiting us, refusing our credentials.
 *
 * @see AlbumCatalog
 */
public class CatalogUnavailableException extends RuntimeException {

    private final transient Duration retryAfter;
    private final boolean retryable;

    /**
     * @param retryable  whether trying again soon may succeed (a 5xx, a timeout, a 429); the adapter's own retries
     *                   retry only these
     * @param retryAfter how long the catalog asked us to wait, null when it did not say
     */
    public CatalogUnavailableException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Null when the catalog named no wait. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
