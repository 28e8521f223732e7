package io.novatune.trackapi.storage;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * {@code s3} in the health and readiness groups: the bucket answers a HEAD. Without it no upload or playback
 * works, so a replica that cannot reach it should not take traffic.
 */
@Component("s3")
public class S3HealthIndicator extends AbstractReactiveHealthIndicator {

    /** Shorter than a probe's usual timeout, so the probe sees DOWN rather than nothing. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ObjectStorage storage;

    public S3HealthIndicator(ObjectStorage storage) {
        super("S3 health check failed");
        this.storage = storage;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return storage.checkBucket()
                .timeout(TIMEOUT)
                .then(Mono.fromSupplier(() -> builder.up().withDetail("bucket", storage.bucket()).build()));
    }
}
