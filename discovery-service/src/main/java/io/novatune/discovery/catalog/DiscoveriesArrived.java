package io.novatune.discovery.catalog;

/**
 * A spring application event: the user's catalog has a new discovery record. What is derived from the user's
 * discoveries and cached (statistics, trends) forgets the user on it.
 */
public record DiscoveriesArrived(String userId) {
}
