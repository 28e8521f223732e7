package io.novatune.trackapi.library;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** What a library listing can be ordered by; each has the SQL expression its keyset compares. */
public enum SortField {
    CREATED_AT("createdAt", "created_at", Instant::parse),
    UPDATED_AT("updatedAt", "updated_at", Instant::parse),
    TITLE("title", "title", value -> value),
    ARTIST("artist", "artist", value -> value),
    DURATION("duration", "coalesce(duration_ms, 0)", Long::valueOf);

    private final String apiName;
    private final String sqlExpression;
    private final Function<String, Object> parser;

    SortField(String apiName, String sqlExpression, Function<String, Object> parser) {
        this.apiName = apiName;
        this.sqlExpression = sqlExpression;
        this.parser = parser;
    }

    public String apiName() {
        return apiName;
    }

    String sqlExpression() {
        return sqlExpression;
    }

    /** A cursor stores the last row's sort value as text; this restores its SQL type. */
    Object parse(String value) {
        return parser.apply(value);
    }

    public static SortField fromApiName(String name) {
        for (SortField field : values()) {
            if (field.apiName.equalsIgnoreCase(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("sortBy must be one of createdAt, updatedAt, title, artist, duration");
    }

    @Override
    public String toString() {
        return apiName.toLowerCase(Locale.ROOT);
    }
}
