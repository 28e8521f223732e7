package io.novatune.platform.storage;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** {@link S3BucketHealthIndicator} for a WebFlux service on the async client: the check never blocks a thread. */
public class ReactiveS3BucketHealthIndicator extends AbstractReactiveHealthIndicator {

    private final S3AsyncClient s3;
    private final String bucket;

    public ReactiveS3BucketHealthIndicator(S3AsyncClient s3, String bucket) {
        super("S3 bucket " + bucket + " not reachable");
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder health) {
        return Mono.fromFuture(() -> s3.headBucket(request -> request.bucket(bucket)))
                .timeout(S3BucketHealthIndicator.TIMEOUT)
                .thenReturn(health.up().withDetail("bucket", bucket).build());
    }
}
