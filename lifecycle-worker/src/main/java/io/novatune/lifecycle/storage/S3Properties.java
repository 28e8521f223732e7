package io.novatune.lifecycle.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Where the tracks' objects live (env {@code NOVATUNE_S3_*}, the same contract as track-api and the archiver).
 *
 * @param endpoint       an S3-compatible endpoint (S3Proxy, MinIO); empty means Amazon S3 itself
 * @param accessKey      static credentials; empty means the SDK's default chain (instance role, web identity, env)
 * @param trackPrefixes  the prefixes under which tracks' objects are stored, each followed by
 *                       {@code {userId}/{trackId}}: a purge deletes only keys of that track under them, and the
 *                       orphan sweep lists only them
 * @param attemptTimeout longest single S3 request
 * @param callTimeout    longest S3 call, the SDK's own retries included; keep it well under
 *                       {@code max.poll.interval.ms}, a purge runs on the listener thread
 */
@ConfigurationProperties("novatune.s3")
public record S3Properties(
        URI endpoint,
        String accessKey,
        String secretKey,
        @DefaultValue("us-east-1") String region,
        @DefaultValue("novatune-media") String bucket,
        @DefaultValue({"audio/", "tracks-audio/", "tracks-covers/", "tracks-videos/"}) List<String> trackPrefixes,
        @DefaultValue("10s") Duration attemptTimeout,
        @DefaultValue("30s") Duration callTimeout) {

    public S3Properties {
        trackPrefixes = List.copyOf(trackPrefixes);
        if (trackPrefixes.stream().anyMatch(prefix -> !prefix.endsWith("/") || prefix.length() < 2)) {
            throw new IllegalArgumentException("novatune.s3.track-prefixes must each end with '/': " + trackPrefixes);
        }
    }

    boolean hasStaticCredentials() {
        return accessKey != null && !accessKey.isBlank();
    }
}
