package io.novatune.trackapi.archive;

import java.util.List;

/** A page of archive jobs; pass {@code nextCursor} as {@code cursor} for the next. */
public record ArchiveJobPage(List<ArchiveJob> items, String nextCursor, boolean hasMore) {

    /** {@code fetched} holds up to one row more than {@code limit}: its presence says another page exists. */
    static ArchiveJobPage of(List<ArchiveJob> fetched, int limit) {
        boolean more = fetched.size() > limit;
        List<ArchiveJob> items = more ? fetched.subList(0, limit) : fetched;
        String next = more ? new ArchiveJobCursor(items.get(limit - 1).expiresAt(), items.get(limit - 1).trackId()).encode()
                : null;
        return new ArchiveJobPage(List.copyOf(items), next, more);
    }
}
