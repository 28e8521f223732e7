package io.novatune.archiver.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health follows the bucket: without it nothing can be archived (results say so, retryably, meanwhile). */
@Component("s3")
public class S3HealthIndicator extends AbstractHealthIndicator {

    private final ArchiveStore store;

    public S3HealthIndicator(ArchiveStore store) {
        super("S3 bucket not reachable");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        store.checkBucket();
        health.up().withDetail("bucket", store.bucket());
    }
}
