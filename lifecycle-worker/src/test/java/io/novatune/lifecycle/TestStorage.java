package io.novatune.lifecycle;

import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The tests' own view of the bucket on this JVM's S3Proxy: put objects, see whether they are still there. */
public final class TestStorage {

    public static final String BUCKET = "novatune-media";

    private static TestStorage shared;

    private final S3Server server;
    private final S3Client s3;

    private TestStorage(S3Server server) {
        this.server = server;
        this.s3 = S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** The shared S3Proxy with the media bucket created. */
    public static synchronized TestStorage shared() {
        if (shared == null) {
            S3Server server = SharedInfrastructure.s3();
            server.createBucket(BUCKET);
            shared = new TestStorage(server);
        }
        return shared;
    }

    public S3Server server() {
        return server;
    }

    public void put(String key, int sizeBytes) {
        s3.putObject(request -> request.bucket(BUCKET).key(key).contentType("audio/mpeg"),
                RequestBody.fromBytes(new byte[sizeBytes]));
    }

    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(BUCKET).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
