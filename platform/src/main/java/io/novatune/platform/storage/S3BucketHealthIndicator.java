package io.novatune.platform.storage;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3} in health and readiness for a service on the blocking client: the bucket answers a HEAD. A service
 * registers it as a bean named {@code s3} with its own bucket.
 */
public class S3BucketHealthIndicator extends AbstractHealthIndicator {

    /** Shorter than a probe's usual timeout, so the probe sees DOWN rather than nothing. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final S3Client s3;
    private final String bucket;

    public S3BucketHealthIndicator(S3Client s3, String bucket) {
        super("S3 bucket " + bucket + " not reachable");
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        s3.headBucket(request -> request.bucket(bucket).overrideConfiguration(call -> call.apiCallTimeout(TIMEOUT)));
        health.up().withDetail("bucket", bucket);
    }
}
