package io.novatune.trackapi.track;

import java.math.BigDecimal;

/** A field of {@link TrackMetadata} that a patch can set or clear, with its column. */
public enum MetadataField {
    TITLE("title", "title", String.class, true),
    ARTIST("artist", "artist", String.class, true),
    ALBUM("album", "album", String.class, false),
    ISRC("isrc", "isrc", String.class, false),
    GENRE("genre", "genre", String.class, false),
    BPM("bpm", "bpm", BigDecimal.class, false),
    MUSICAL_KEY("musicalKey", "musical_key", String.class, false),
    DURATION_MS("durationMs", "duration_ms", Long.class, false);

    private final String apiName;
    private final String column;
    private final Class<?> type;
    private final boolean required;

    MetadataField(String apiName, String column, Class<?> type, boolean required) {
        this.apiName = apiName;
        this.column = column;
        this.type = type;
        this.required = required;
    }

    public String apiName() {
        return apiName;
    }

    String column() {
        return column;
    }

    Class<?> type() {
        return type;
    }

    /** A required field can be changed but never cleared. */
    public boolean required() {
        return required;
    }

    public static MetadataField fromApiName(String name) {
        for (MetadataField field : values()) {
            if (field.apiName.equals(name)) {
                return field;
            }
        }
        return null;
    }
}
