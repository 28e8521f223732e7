package io.novatune.discovery.catalog;

/** Orders of the catalog list; each is indexed (user_id, column, id) and pages by a keyset cursor on it. */
public enum CatalogSort {
    lastSeen("last_seen_at", true),
    discoveryCount("discovery_count", true),
    firstDiscovered("first_discovered_at", true),
    artist("artist_key", false);

    private final String column;
    private final boolean descending;

    CatalogSort(String column, boolean descending) {
        this.column = column;
        this.descending = descending;
    }

    String column() {
        return column;
    }

    boolean descending() {
        return descending;
    }
}
