package io.novatune.archfixture;

import io.novatune.archfixture.store.ShortcutStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deliberate violation for track-api's {@code ArchitectureTest}: a controller that reads another package's store.
 * It lives outside the application's scanned packages.
 */
@RestController
public class ShortcutController {

    private final ShortcutStore store;

    public ShortcutController(ShortcutStore store) {
        this.store = store;
    }

    @GetMapping("/shortcut")
    public String read() {
        return store.read();
    }
}
