package io.novatune.trackapi.library;

/**
 * Where a page ended: the last row's sort value and id, and the ordering it belongs to, so a
 * cursor cannot be replayed against a different ordering.
 */
public record PageCursor(SortField sortBy, boolean descending, String lastValue, String lastId) {
}
