package io.novatune.lifecycle.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health follows the bucket: without it no purge can complete (they wait in Kafka, retried, meanwhile). */
@Component("s3")
public class S3HealthIndicator extends AbstractHealthIndicator {

    private final ObjectStore store;

    public S3HealthIndicator(ObjectStore store) {
        super("S3 bucket not reachable");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        store.checkBucket();
        health.up().withDetail("bucket", store.bucket());
    }
}
