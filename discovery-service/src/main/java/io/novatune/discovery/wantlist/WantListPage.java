package io.novatune.discovery.wantlist;

import java.util.List;

/** A page of the want-list, newest first; {@code nextCursor} fetches the next. */
public record WantListPage(List<WantListEntry> items, String nextCursor, boolean hasMore) {
}
