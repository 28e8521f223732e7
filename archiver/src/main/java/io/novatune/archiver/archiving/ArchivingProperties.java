package io.novatune.archiver.archiving;

import io.novatune.events.AssetKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How archiving runs ({@code novatune.archiver.*}).
 *
 * @param maxInFlight    assets copied at the same time by this instance, over all partitions; each holds one
 *                       part buffer ({@code novatune.s3.part-size}), two when it is larger than a part. A
 *                       listener waits for a free slot, so a slow S3 or provider slows consumption instead of
 *                       piling up work (back-pressure).
 * @param retry          in-process tries of one asset on a retryable failure
 * @param maxSize        largest file accepted per kind, checked against the declared Content-Length before
 *                       anything is stored; at most 5 GiB (the copy that adds the metadata is one request)
 * @param publishTimeout how long a result may wait for Kafka's acknowledgement; the offset is committed after it
 */
@ConfigurationProperties("novatune.archiver")
public record ArchivingProperties(
        @DefaultValue("4") int maxInFlight,
        @DefaultValue Retry retry,
        @DefaultValue MaxSize maxSize,
        @DefaultValue("15s") Duration publishTimeout) {

    private static final long COPY_LIMIT = 5L * 1024 * 1024 * 1024;

    public ArchivingProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("novatune.archiver.max-in-flight must be at least 1");
        }
        for (AssetKind kind : AssetKind.values()) {
            if (maxSize.of(kind).toBytes() > COPY_LIMIT) {
                throw new IllegalArgumentException("novatune.archiver.max-size." + kind.name().toLowerCase()
                        + " must be at most 5GB (S3's single-request copy)");
            }
        }
    }

    /**
     * @param maxAttempts tries in all, the first included
     * @param interval    wait before the second try; the n-th retry waits n times as long
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("5s") Duration interval) {

        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("novatune.archiver.retry.max-attempts must be at least 1");
            }
        }
    }

    public record MaxSize(@DefaultValue("500MB") DataSize audio,
                          @DefaultValue("20MB") DataSize cover,
                          @DefaultValue("4GB") DataSize video) {

        public DataSize of(AssetKind kind) {
            return switch (kind) {
                case AUDIO -> audio;
                case COVER -> cover;
                case VIDEO -> video;
            };
        }
    }
}
