package io.novatune.archiver.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Where the copies go (env {@code NOVATUNE_S3_*}); how to reach the store is the platform's
 * {@code S3ClientSettings}, under the same prefix.
 *
 * @param partSize        bytes read from the provider, hashed and uploaded at a time: the one buffer an in-flight
 *                        asset holds (at least 5 MiB, S3's smallest multipart part)
 * @param staleUploadAge  incomplete multipart uploads under the archiver's prefixes older than this are aborted at
 *                        start (a crashed instance's leftovers); keep it above the longest possible upload
 */
@ConfigurationProperties("novatune.s3")
public record S3Properties(
        @DefaultValue("novatune-media") String bucket,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("6h") Duration staleUploadAge,
        @DefaultValue("true") boolean sweepStaleUploadsAtStart) {

    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    public S3Properties {
        if (partSize.toBytes() < MIN_PART_SIZE || partSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("novatune.s3.part-size must be between 5MB and 2GB: " + partSize);
        }
    }
}
