package io.novatune.trackapi.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * track-api's own object-storage settings (env {@code NOVATUNE_S3_*}); how to reach the store (endpoint, credentials,
 * region) is the platform's {@code S3ClientSettings}, under the same prefix.
 *
 * @param createBucket   create the bucket at startup when missing: the local profile and tests only, production
 *                       buckets are provisioned
 * @param partSize       size of each part of a multipart upload, and so the memory one upload holds while it streams
 *                       (S3 needs at least 5 MiB per part but the last)
 */
@ConfigurationProperties("novatune.s3")
public record S3Properties(
        @DefaultValue("novatune-media") String bucket,
        @DefaultValue("false") boolean createBucket,
        @DefaultValue("8MB") DataSize partSize) {

    static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);

    public S3Properties {
        if (partSize.compareTo(MIN_PART_SIZE) < 0 || partSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("novatune.s3.part-size must be between 5MB and 2GB, not " + partSize);
        }
    }
}
