package io.novatune.trackapi.storage;

import io.novatune.platform.storage.ReactiveS3BucketHealthIndicator;
import io.novatune.platform.storage.S3ClientSettings;
import io.novatune.platform.storage.S3Clients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** The AWS SDK v2 client (platform's settings): one async client for all I/O. */
@Configuration
public class S3Config {

    @Bean(destroyMethod = "close")
    S3AsyncClient s3AsyncClient(S3ClientSettings settings) {
        return S3Clients.async(settings);
    }

    /**
     * {@code s3} in the health and readiness groups: without the bucket no upload or playback works, so a replica
     * that cannot reach it should not take traffic.
     */
    @Bean("s3")
    ReactiveS3BucketHealthIndicator s3HealthIndicator(S3AsyncClient s3, S3Properties properties) {
        return new ReactiveS3BucketHealthIndicator(s3, properties.bucket());
    }
}
