package io.novatune.testsupport.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The tests' own view of the media bucket on this JVM's S3Proxy: put objects, see what is there. */
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

    /** The media bucket on another S3 server of the test's own (file-backed, or one it stops and starts). */
    public static TestStorage on(S3Server server) {
        server.createBucket(BUCKET);
        return new TestStorage(server);
    }

    public S3Server server() {
        return server;
    }

    public S3Client client() {
        return s3;
    }

    /** Stores that many zero bytes as audio. */
    public void put(String key, int sizeBytes) {
        s3.putObject(request -> request.bucket(BUCKET).key(key).contentType("audio/mpeg"),
                RequestBody.fromBytes(new byte[sizeBytes]));
    }

    public boolean exists(String key) {
        return head(key).isPresent();
    }

    public Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(request -> request.bucket(BUCKET).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** Hex SHA-256 of the stored bytes, read back in a stream. */
    public String sha256Of(String key) {
        try (InputStream in = s3.getObject(request -> request.bucket(BUCKET).key(key))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<MultipartUpload> incompleteUploadsUnder(String prefix) {
        return s3.listMultipartUploads(request -> request.bucket(BUCKET).prefix(prefix)).uploads();
    }
}
