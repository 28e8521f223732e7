package io.novatune.trackapi.library;

import io.novatune.trackapi.track.Track;
import java.util.List;

public record LibraryPage(List<Track> items, PageCursor next) {

    public boolean hasMore() {
        return next != null;
    }
}
