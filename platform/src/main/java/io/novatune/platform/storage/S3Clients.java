package io.novatune.platform.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The AWS SDK v2 S3 clients, configured alike in every service. */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3AsyncClient async(S3ClientSettings settings) {
        S3AsyncClientBuilder builder = S3AsyncClient.builder();
        configure(builder, settings);
        return builder.build();
    }

    public static S3Client sync(S3ClientSettings settings) {
        S3ClientBuilder builder = S3Client.builder();
        configure(builder, settings);
        return builder.build();
    }

    public static AwsCredentialsProvider credentials(S3ClientSettings settings) {
        if (settings.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static void configure(S3BaseClientBuilder<?, ?> builder, S3ClientSettings settings) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                // S3-compatible stores are addressed by path; virtual hosts need DNS we do not have locally.
                .forcePathStyle(true)
                // SDK 2.30+ sends CRC32 trailers in aws-chunked bodies by default, which S3Proxy and older
                // MinIO/Ceph reject; TLS and SigV4 payload signing already protect the bytes in transit.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(settings.attemptTimeout())
                .apiCallTimeout(settings.callTimeout())
                .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
    }
}
