package io.novatune.archfixture.lifecycle.storage;

/** A store: by its name, storage that only its use case reaches. */
public class ShortcutStore {

    public long count() {
        return 0;
    }
}
