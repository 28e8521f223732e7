package io.novatune.archfixture.lifecycle.orphans;

import io.novatune.archfixture.lifecycle.storage.RawS3Adapter;
import io.novatune.archfixture.lifecycle.storage.ShortcutStore;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Violation: an actuator endpoint reading a store and the S3 client's adapter itself instead of going through its
 * use case. Its nested {@link Answer}, which refers back to it, is part of it and allowed to.
 */
@Endpoint(id = "archfixtureshortcut")
public class ShortcutEndpoint {

    private final ShortcutStore store;
    private final RawS3Adapter s3;

    public ShortcutEndpoint(ShortcutStore store, RawS3Adapter s3) {
        this.store = store;
        this.s3 = s3;
    }

    @ReadOperation
    public Answer objects() {
        return Answer.of(this);
    }

    long count() {
        return store.count() + s3.count();
    }

    public record Answer(long objects) {

        static Answer of(ShortcutEndpoint endpoint) {
            return new Answer(endpoint.count());
        }
    }
}
