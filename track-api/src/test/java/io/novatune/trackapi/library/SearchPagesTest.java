package io.novatune.trackapi.library;

import io.novatune.trackapi.TrackApiIntegrationTest;
import io.novatune.trackapi.track.Track;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search pages through the same rows in the same order whichever plan each page takes: the walk of the sort index
 * (a broad term), in one or two parts, or the walk's fallback to the text index (a narrow one). A store that walks at
 * most 20 rows per row of the page makes all of them, and their switch in the middle of a page, occur with a few
 * hundred tracks; the reference is the single statement every page ran before the walk existed.
 */
class SearchPagesTest extends TrackApiIntegrationTest {

    @Autowired
    DatabaseClient db;

    String user;

    @BeforeEach
    void seed() {
        user = "searcher-" + UUID.randomUUID();
        String idPrefix = UUID.randomUUID().toString().replace("-", "").substring(0, 22).toUpperCase(Locale.ROOT);
        // 400 tracks: "Night" in every second title (50 %), "Xtal" as every 25th album (4 %); creation times and
        // durations in runs of three equal values, so the id decides ties; every 7th track is in the trash.
        db.sql("""
                INSERT INTO tracks (id, user_id, title, artist, album, duration_ms, status, source, created_at, updated_at)
                SELECT :idPrefix || lpad(g::text, 4, '0'),
                       :user,
                       CASE WHEN g % 2 = 0 THEN 'Night ' ELSE 'Morning ' END || (g * 7919 % 400),
                       'Artist ' || (g % 5),
                       CASE WHEN g % 25 = 0 THEN 'Xtal' ELSE 'Album' END,
                       (g / 3) * 1000,
                       CASE WHEN g % 7 = 0 THEN 'DELETED' ELSE 'READY' END,
                       'CATALOG',
                       timestamp with time zone '2026-01-01 00:00:00+00' + (g / 3) * interval '1 second',
                       timestamp with time zone '2026-01-01 00:00:00+00' + (g / 3) * interval '1 second'
                FROM generate_series(1, 400) AS g
                """).bind("user", user).bind("idPrefix", idPrefix).then().block();
    }

    @Test
    void a_broad_search_pages_through_the_same_rows_in_the_same_order_as_the_single_statement() {
        // 172 visible "Night" tracks: most pages are filled by the walk.
        assertEveryOrderingPagesLikeTheSingleStatement("night", "night:*", 6, 172);
    }

    @Test
    void a_narrow_search_pages_through_the_same_rows_in_the_same_order_as_the_single_statement() {
        // 14 visible "Xtal" tracks: every page but the last needs the text index.
        assertEveryOrderingPagesLikeTheSingleStatement("xta", "xta:*", 4, 14);
    }

    @Test
    void a_term_no_track_has_gives_one_empty_page() {
        LibraryPage page = new LibraryStore(db, 20).page(query("nowhere", SortField.CREATED_AT, true, 5, null)).block();

        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    private void assertEveryOrderingPagesLikeTheSingleStatement(String search, String tsquery, int limit, int matches) {
        for (SortField sort : SortField.values()) {
            for (boolean descending : new boolean[]{true, false}) {
                assertThat(pagedIds(search, sort, descending, limit))
                        .as("%s by %s %s", search, sort, descending ? "desc" : "asc")
                        .hasSize(matches)
                        .isEqualTo(referenceIds(tsquery, sort, descending));
            }
        }
    }

    /** Follows the cursors to the last page, checking that every page but the last is full. */
    private List<String> pagedIds(String search, SortField sort, boolean descending, int limit) {
        LibraryStore store = new LibraryStore(db, 20);
        List<String> ids = new ArrayList<>();
        PageCursor after = null;
        do {
            LibraryPage page = store.page(query(search, sort, descending, limit, after)).block();
            if (page.hasMore()) {
                assertThat(page.items()).hasSize(limit);
            }
            page.items().stream().map(Track::id).forEach(ids::add);
            after = page.next();
        } while (after != null);
        return ids;
    }

    private LibraryQuery query(String search, SortField sort, boolean descending, int limit, PageCursor after) {
        return new LibraryQuery(user, search, null, null, null, null, sort, descending, limit, after);
    }

    private List<String> referenceIds(String tsquery, SortField sort, boolean descending) {
        String direction = descending ? "DESC" : "ASC";
        return db.sql("SELECT id FROM tracks WHERE user_id = :user AND status IN ('PROCESSING', 'READY', 'FAILED')"
                        + " AND search_vector @@ to_tsquery('simple', :tsquery)"
                        + " ORDER BY " + sort.sqlExpression() + " " + direction + ", id " + direction)
                .bind("user", user).bind("tsquery", tsquery)
                .map(row -> row.get("id", String.class)).all().collectList().block();
    }
}
