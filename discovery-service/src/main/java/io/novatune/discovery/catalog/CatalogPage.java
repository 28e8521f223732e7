package io.novatune.discovery.catalog;

import java.util.List;

/** A page of catalog tracks in the order asked for; {@code nextCursor} fetches the next. */
public record CatalogPage(List<CatalogTrack> items, String nextCursor, boolean hasMore) {
}
