package io.novatune.trackapi.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Duration;

/**
 * Creates the bucket at startup when it is missing: only where {@code novatune.s3.create-bucket} is on (the local
 * profile and tests). Production buckets are provisioned with their policies and lifecycle rules, and an app that
 * cannot find its bucket there should say so, not make an empty one. Runs before the app reports ready.
 */
@Component
@ConditionalOnProperty(name = "novatune.s3.create-bucket", havingValue = "true")
class BucketCreator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BucketCreator.class);

    private final S3AsyncClient s3;
    private final ObjectStorage storage;

    BucketCreator(S3AsyncClient s3, ObjectStorage storage) {
        this.s3 = s3;
        this.storage = storage;
    }

    @Override
    public void run(ApplicationArguments args) {
        String bucket = storage.bucket();
        storage.checkBucket()
                .onErrorResume(BucketCreator::missing, missing -> Mono.fromFuture(() -> s3.createBucket(create -> create.bucket(bucket)))
                        .doOnSuccess(created -> log.info("Created bucket {}", bucket))
                        .then())
                .block(Duration.ofSeconds(30));
    }

    private static boolean missing(Throwable error) {
        return error instanceof NoSuchBucketException || (error instanceof S3Exception s3Error && s3Error.statusCode() == 404);
    }
}
