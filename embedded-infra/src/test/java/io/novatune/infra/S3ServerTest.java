package io.novatune.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class S3ServerTest {

    @Test
    void an_object_put_with_the_aws_sdk_is_read_back_and_creating_a_bucket_twice_is_harmless() {
        S3Server s3 = SharedInfrastructure.s3();
        s3.createBucket("media");
        s3.createBucket("media");

        try (S3Client client = client(s3)) {
            client.putObject(put -> put.bucket("media").key("audio/track-1.mp3").contentType("audio/mpeg"),
                    RequestBody.fromString("not really audio"));

            assertThat(client.getObjectAsBytes(get -> get.bucket("media").key("audio/track-1.mp3")).asUtf8String())
                    .isEqualTo("not really audio");
            assertThat(client.headObject(head -> head.bucket("media").key("audio/track-1.mp3")).contentType())
                    .isEqualTo("audio/mpeg");
        }
    }

    @Test
    void stop_makes_s3_unavailable_and_restart_serves_the_same_objects_on_the_same_port() {
        try (S3Server s3 = S3Server.start(S3Options.forTests()); S3Client client = client(s3)) {
            s3.createBucket("media");
            client.putObject(put -> put.bucket("media").key("cover.jpg"), RequestBody.fromString("cover"));
            String endpoint = s3.endpoint().toString();

            s3.stop();
            assertThatThrownBy(() -> client.getObjectAsBytes(get -> get.bucket("media").key("cover.jpg")))
                    .isInstanceOf(SdkClientException.class);

            s3.restart();
            assertThat(s3.endpoint()).hasToString(endpoint);
            assertThat(client.getObjectAsBytes(get -> get.bucket("media").key("cover.jpg")).asUtf8String()).isEqualTo("cover");
        }
    }

    @Test
    void a_filesystem_store_keeps_objects_across_servers_on_the_same_directory(@TempDir Path data) {
        S3Options options = new S3Options(data.resolve("s3"), 0);
        try (S3Server first = S3Server.start(options); S3Client client = client(first)) {
            first.createBucket("media");
            client.putObject(put -> put.bucket("media").key("a/b.txt"), RequestBody.fromString("kept"));
        }
        try (S3Server second = S3Server.start(options); S3Client client = client(second)) {
            assertThat(client.getObjectAsBytes(get -> get.bucket("media").key("a/b.txt")).asUtf8String()).isEqualTo("kept");
        }
    }

    // S3Proxy 2.9 does not understand the aws-chunked checksum trailers that SDK 2.30+ sends by default;
    // WHEN_REQUIRED keeps the SDK's plain signed payloads, which S3Proxy verifies.
    private static S3Client client(S3Server s3) {
        return S3Client.builder()
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .endpointOverride(s3.endpoint())
                .region(Region.of(s3.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                .forcePathStyle(true)
                .build();
    }
}
