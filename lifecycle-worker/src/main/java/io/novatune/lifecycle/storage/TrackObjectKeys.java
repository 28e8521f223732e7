package io.novatune.lifecycle.storage;

import io.novatune.platform.storage.ObjectKeys;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The bucket's layout ({@link ObjectKeys}): a track's objects are {@code <prefix>{userId}/{trackId}}, the ids
 * encoded as one segment each, optionally followed by a suffix that starts with {@code .}, {@code /}, {@code -} or
 * {@code _} (an extension, a waveform), under one of the configured prefixes.
 */
@Component
public class TrackObjectKeys {

    private static final String SUFFIX_STARTS = "./-_";

    private final List<String> prefixes;

    public TrackObjectKeys(S3Properties properties) {
        this.prefixes = properties.trackPrefixes();
    }

    public List<String> prefixes() {
        return prefixes;
    }

    /** Whether {@code key} is one of this track's objects: a purge deletes nothing else. */
    public boolean belongsTo(String key, String userId, String trackId) {
        if (userId.isEmpty() || trackId.isEmpty()) {
            return false;
        }
        String owned = ObjectKeys.trackPath(userId, trackId);
        for (String prefix : prefixes) {
            if (key.startsWith(prefix + owned)) {
                String suffix = key.substring(prefix.length() + owned.length());
                if (suffix.isEmpty() || SUFFIX_STARTS.indexOf(suffix.charAt(0)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
