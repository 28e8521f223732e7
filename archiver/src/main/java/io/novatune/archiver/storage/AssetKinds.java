package io.novatune.archiver.storage;

import io.novatune.events.AssetKind;
import io.novatune.platform.storage.ObjectKeys;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where each kind of asset is stored and which media types it may have. */
public final class AssetKinds {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp3", "mp3"),
            Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"), Map.entry("audio/wave", "wav"),
            Map.entry("audio/flac", "flac"), Map.entry("audio/x-flac", "flac"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/opus", "opus"),
            Map.entry("audio/mp4", "m4a"), Map.entry("audio/x-m4a", "m4a"), Map.entry("audio/aac", "aac"),
            Map.entry("audio/webm", "weba"),
            Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"), Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"), Map.entry("image/avif", "avif"),
            Map.entry("video/mp4", "mp4"), Map.entry("video/webm", "webm"), Map.entry("video/quicktime", "mov"),
            Map.entry("video/x-matroska", "mkv"));

    private AssetKinds() {
    }

    /** The prefix of the kind's copies, each {@code <prefix>{userId}/{trackId}.{ext}}. */
    public static String prefix(AssetKind kind) {
        return switch (kind) {
            case AUDIO -> ObjectKeys.ARCHIVED_AUDIO;
            case COVER -> ObjectKeys.ARCHIVED_COVERS;
            case VIDEO -> ObjectKeys.ARCHIVED_VIDEOS;
        };
    }

    /** Every prefix the archiver writes under; the lifecycle worker purges and sweeps the same ones. */
    public static List<String> prefixes() {
        return List.of(AssetKind.values()).stream().map(AssetKinds::prefix).toList();
    }

    /** {@code audio/}, {@code image/} or {@code video/}: a cover that is a video is not a cover. */
    public static String mediaFamily(AssetKind kind) {
        return switch (kind) {
            case AUDIO -> "audio/";
            case COVER -> "image/";
            case VIDEO -> "video/";
        };
    }

    public static boolean accepts(AssetKind kind, String mediaType) {
        return mediaType.startsWith(mediaFamily(kind)) && mediaType.length() > mediaFamily(kind).length();
    }

    /**
     * The file extension of a media type: a known one, else its subtype reduced to letters and digits (so a
     * provider's header can never put {@code /} or {@code ..} into a key), else {@code bin}.
     */
    public static String extension(String mediaType) {
        String known = EXTENSIONS.get(mediaType);
        if (known != null) {
            return known;
        }
        String subtype = mediaType.substring(mediaType.indexOf('/') + 1);
        if (subtype.startsWith("x-")) {
            subtype = subtype.substring(2);
        }
        String safe = subtype.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return safe.isEmpty() || safe.length() > 10 ? "bin" : safe;
    }

    /** {@code <prefix><user>/<track>.}, the ids encoded as {@link ObjectKeys} does for every service. */
    public static String keyPrefix(AssetKind kind, String userId, String trackId) {
        return ObjectKeys.key(prefix(kind), userId, trackId) + ".";
    }

    public static String key(AssetKind kind, String userId, String trackId, String mediaType) {
        return keyPrefix(kind, userId, trackId) + extension(mediaType);
    }
}
