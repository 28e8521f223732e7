package io.novatune.archfixture.lifecycle.orphans;

/** Violation: a class that uses an endpoint as a building block. */
public class ReusesTheEndpoint {

    private final ShortcutEndpoint endpoint;

    public ReusesTheEndpoint(ShortcutEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public long objects() {
        return endpoint.objects().objects();
    }
}
