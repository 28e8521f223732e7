package io.novatune.trackapi.storage;

import io.novatune.platform.storage.ReactiveS3BucketHealthIndicator;
import io.novatune.platform.storage.S3ClientSettings;
import io.novatune.platform.storage.S3Clients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The AWS SDK v2 clients (platform's settings): one async client for all I/O, one presigner for playback URLs. */
@Configuration
public class S3Config {

    @Bean(destroyMethod = "close")
    S3AsyncClient s3AsyncClient(S3ClientSettings settings) {
        return S3Clients.async(settings);
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(S3ClientSettings settings, S3Properties properties) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(S3Clients.credentials(settings))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        if (properties.publicEndpoint() != null) {
            builder.endpointOverride(properties.publicEndpoint());
        } else if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
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
