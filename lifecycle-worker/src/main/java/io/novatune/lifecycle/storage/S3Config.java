package io.novatune.lifecycle.storage;

import io.novatune.platform.storage.S3BucketHealthIndicator;
import io.novatune.platform.storage.S3ClientSettings;
import io.novatune.platform.storage.S3Clients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/** The AWS SDK v2 client, synchronous: purges and sweeps run on their own threads, a few calls at a time. */
@Configuration
public class S3Config {

    @Bean(destroyMethod = "close")
    S3Client s3Client(S3ClientSettings settings) {
        return S3Clients.sync(settings);
    }

    /** Health follows the bucket: without it no purge can complete (they wait in Kafka, retried, meanwhile). */
    @Bean("s3")
    S3BucketHealthIndicator s3HealthIndicator(S3Client s3, S3Properties properties) {
        return new S3BucketHealthIndicator(s3, properties.bucket());
    }
}
