package io.novatune.trackapi.library;

import io.novatune.platform.validation.PlainText;
import io.novatune.trackapi.track.TrackFieldRules;
import io.novatune.trackapi.track.TrackSource;
import io.novatune.trackapi.track.TrackStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/** The query string of {@code GET /api/v1/tracks}. */
public record ListTracksParams(
        @PlainText @Size(max = 200) String search,
        @Pattern(regexp = "(?i)PROCESSING|READY|FAILED|DELETED", message = "must be PROCESSING, READY, FAILED or DELETED")
        String status,
        @PlainText @Size(max = 500) String artist,
        @PlainText @Size(max = 100) String genre,
        @Pattern(regexp = "(?i)UPLOAD|PROVIDER|CATALOG", message = "must be UPLOAD, PROVIDER or CATALOG") String source,
        @Pattern(regexp = "(?i)createdAt|updatedAt|title|artist|duration",
                message = "must be createdAt, updatedAt, title, artist or duration") String sortBy,
        @Pattern(regexp = "(?i)asc|desc", message = "must be asc or desc") String sortOrder,
        @Min(1) @Max(100) Integer limit,
        @Size(max = 2000) String cursor) {

    static final int DEFAULT_LIMIT = 20;

    LibraryQuery toQuery(String userId, CursorCodec cursors) {
        SortField sort = sortBy == null ? SortField.CREATED_AT : SortField.fromApiName(sortBy);
        // Newest first by default; alphabetical orderings read best ascending.
        boolean descending = sortOrder == null
                ? sort == SortField.CREATED_AT || sort == SortField.UPDATED_AT
                : sortOrder.equalsIgnoreCase("desc");
        PageCursor after = cursor == null || cursor.isBlank() ? null : cursors.decode(cursor, sort, descending);
        return new LibraryQuery(userId, search,
                status == null ? null : TrackStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                TrackFieldRules.blankToNull(artist), TrackFieldRules.blankToNull(genre),
                source == null ? null : TrackSource.valueOf(source.toUpperCase(Locale.ROOT)),
                sort, descending, limit == null ? DEFAULT_LIMIT : limit, after);
    }
}
