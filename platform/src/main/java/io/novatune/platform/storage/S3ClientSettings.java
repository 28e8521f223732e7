package io.novatune.platform.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How to reach the object store (env {@code NOVATUNE_S3_*}); each service adds its own settings (bucket, part size)
 * under the same prefix.
 *
 * @param endpoint          an S3-compatible endpoint (S3Proxy, MinIO, Ceph); empty means Amazon S3 itself
 * @param accessKey         static credentials; empty means the SDK's default chain (instance role, web identity, env)
 * @param attemptTimeout    the longest one S3 request may take; empty means the SDK's default (none)
 * @param callTimeout       the longest one S3 call may take, the SDK's own retries included; empty means none
 */
@ConfigurationProperties("novatune.s3")
public record S3ClientSettings(
        URI endpoint,
        String accessKey,
        String secretKey,
        @DefaultValue("us-east-1") String region,
        Duration attemptTimeout,
        Duration callTimeout) {

    public boolean hasStaticCredentials() {
        return accessKey != null && !accessKey.isBlank();
    }

    /** Without the secret key. */
    @Override
    public String toString() {
        return "S3ClientSettings[endpoint=" + endpoint + ", region=" + region + ", staticCredentials="
                + hasStaticCredentials() + "]";
    }
}
