package io.novatune.trackapi.album;

import java.time.Instant;

/**
 * The state of an album's listing.
 *
 * @param attempts      fetches from the catalog so far (0 for an album added with its listing)
 * @param nextAttemptAt when the timer fetches it again; null when it is available or the timer gave up
 * @param lastError     why the last fetch failed; null when it is available
 */
public record ListingState(ListingStatus status, int attempts, Instant nextAttemptAt, String lastError) {

    static final ListingState GIVEN = new ListingState(ListingStatus.AVAILABLE, 0, null, null);

    boolean available() {
        return status == ListingStatus.AVAILABLE;
    }
}
