package io.novatune.archfixture.store;

/** The store that {@code ShortcutController} should not reach. */
public class ShortcutStore {

    public String read() {
        return "";
    }
}
