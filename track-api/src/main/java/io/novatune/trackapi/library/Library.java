package io.novatune.trackapi.library;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Listing a user's tracks: the one way in to {@link LibraryStore}. */
@Service
public class Library {

    private final LibraryStore store;

    public Library(LibraryStore store) {
        this.store = store;
    }

    public Mono<LibraryPage> page(LibraryQuery query) {
        return store.page(query);
    }
}
