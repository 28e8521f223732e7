package io.novatune.archfixture.ingestion.scheduling;

import io.novatune.archfixture.ingestion.web.ShortcutController;

/** Violation: a class that uses a controller as a building block. */
public class ReusesTheController {

    private final ShortcutController controller;

    public ReusesTheController(ShortcutController controller) {
        this.controller = controller;
    }

    public long isrcs() {
        return controller.isrcs().isrcs();
    }
}
