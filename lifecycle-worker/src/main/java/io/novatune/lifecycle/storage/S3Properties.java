package io.novatune.lifecycle.storage;

import io.novatune.platform.storage.ObjectKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Where the tracks' objects live (env {@code NOVATUNE_S3_*}); how to reach the store is the platform's
 * {@code S3ClientSettings}, under the same prefix.
 *
 * @param trackPrefixes  the prefixes under which tracks' objects are stored, each followed by
 *                       {@code {userId}/{trackId}} as {@link ObjectKeys} writes them: a purge deletes only keys of
 *                       that track under them, and the orphan sweep lists only them; by default all of
 *                       {@link ObjectKeys#TRACK_PREFIXES}
 */
@ConfigurationProperties("novatune.s3")
public record S3Properties(
        @DefaultValue("novatune-media") String bucket,
        @DefaultValue({ObjectKeys.UPLOADED_AUDIO, ObjectKeys.WAVEFORMS, ObjectKeys.ARCHIVED_AUDIO,
                ObjectKeys.ARCHIVED_COVERS, ObjectKeys.ARCHIVED_VIDEOS}) List<String> trackPrefixes) {

    public S3Properties {
        trackPrefixes = List.copyOf(trackPrefixes);
        if (trackPrefixes.stream().anyMatch(prefix -> !prefix.endsWith("/") || prefix.length() < 2)) {
            throw new IllegalArgumentException("novatune.s3.track-prefixes must each end with '/': " + trackPrefixes);
        }
    }
}
