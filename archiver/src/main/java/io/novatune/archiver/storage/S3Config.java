package io.novatune.archiver.storage;

import io.novatune.platform.storage.S3BucketHealthIndicator;
import io.novatune.platform.storage.S3ClientSettings;
import io.novatune.platform.storage.S3Clients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS SDK v2 synchronous client. Each in-flight asset runs on a thread of its own and uploads one bounded
 * part at a time, so blocking calls bound memory simply (docs/adr/0011-archiver.md, "Streaming").
 */
@Configuration
public class S3Config {

    @Bean(destroyMethod = "close")
    S3Client s3Client(S3ClientSettings settings) {
        return S3Clients.sync(settings);
    }

    /** Health follows the bucket: without it nothing can be archived (results say so, retryably, meanwhile). */
    @Bean("s3")
    S3BucketHealthIndicator s3HealthIndicator(S3Client s3, S3Properties properties) {
        return new S3BucketHealthIndicator(s3, properties.bucket());
    }
}
