package io.novatune.platform.storage;

import java.util.List;

/**
 * The one layout of the media bucket, for every service that writes, purges or sweeps it: a track's objects are
 * {@code <prefix><user>/<track>}, optionally followed by a suffix ({@code .mp3}), where {@code <user>} and
 * {@code <track>} are the ids as one path segment each. An id is kept as it is unless it holds a character that
 * could leave its segment or its place: {@code /}, {@code \}, {@code %}, control characters, or is {@code .} or
 * {@code ..}; those characters are percent-encoded. Since {@code %} itself is encoded, two ids never share a segment.
 */
public final class ObjectKeys {

    /** Audio a user uploaded: {@code audio/<user>/<track>}. */
    public static final String UPLOADED_AUDIO = "audio/";
    public static final String WAVEFORMS = "waveforms/";
    /** Copies of provider-hosted assets, {@code <prefix><user>/<track>.<ext>}. */
    public static final String ARCHIVED_AUDIO = "tracks-audio/";
    public static final String ARCHIVED_COVERS = "tracks-covers/";
    public static final String ARCHIVED_VIDEOS = "tracks-videos/";

    /** Every prefix a track's objects live under: what a purge may delete and the orphan sweep lists. */
    public static final List<String> TRACK_PREFIXES =
            List.of(UPLOADED_AUDIO, WAVEFORMS, ARCHIVED_AUDIO, ARCHIVED_COVERS, ARCHIVED_VIDEOS);

    private ObjectKeys() {
    }

    /** {@code <prefix><user>/<track>}. */
    public static String key(String prefix, String userId, String trackId) {
        return prefix + trackPath(userId, trackId);
    }

    /** {@code <user>/<track>}, each id as one safe segment. */
    public static String trackPath(String userId, String trackId) {
        return segment(userId) + "/" + segment(trackId);
    }

    /** The id as one path segment: itself when it is safe, else with the unsafe characters percent-encoded. */
    public static String segment(String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("an empty id has no place in an object key");
        }
        if (id.equals(".") || id.equals("..")) {
            return id.replace(".", "%2E");
        }
        StringBuilder segment = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '/' || c == '\\' || c == '%' || Character.isISOControl(c)) {
                segment.append('%').append(String.format("%02X", (int) c));
            } else {
                segment.append(c);
            }
        }
        return segment.toString();
    }
}
