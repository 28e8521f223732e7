package io.novatune.trackapi.album;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How an album whose listing could not be fetched is fetched again by the due-timer.
 *
 * @param retryBackoff the first retry waits this long, each next one twice as long as the one before …
 * @param maxBackoff   … up to this
 * @param maxAttempts  after this many fetches the timer gives up; {@code refresh-listing} still fetches
 * @param lease        a claimed fetch that did not finish (the replica died) is due again after this
 * @param batchSize    albums fetched per sweep: each is a few catalog requests, so far fewer than other timers
 */
@ConfigurationProperties("novatune.albums.listing")
public record AlbumListingPolicy(
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("6h") Duration maxBackoff,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("5") int batchSize) {

    /** When the attempt after {@code attempts} failed ones is due, at least the catalog's {@code retryAfter}. */
    java.time.Instant nextAttempt(java.time.Instant now, int attempts, Duration retryAfter) {
        if (attempts >= maxAttempts) {
            return null;
        }
        Duration backoff = retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 30));
        if (backoff.compareTo(maxBackoff) > 0 || backoff.isNegative()) {
            backoff = maxBackoff;
        }
        if (retryAfter != null && retryAfter.compareTo(backoff) > 0) {
            backoff = retryAfter;
        }
        return now.plus(backoff);
    }
}
