package io.novatune.discovery.catalog;

import com.github.f4b6a3.ulid.UlidCreator;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Instant;
import java.util.List;

/** Tracklists and discoveries of a test user, written as identification writes them, at chosen times. */
public final class CatalogFixture {

    private final DatabaseClient db;
    private final CatalogStore store;
    private final String userId;

    public CatalogFixture(DatabaseClient db, CatalogStore store, String userId) {
        this.db = db;
        this.store = store;
        this.userId = userId;
    }

    /** A tracklist of the user with one entry per position, cue time position × 60 s. */
    public String tracklist(String title, String sourceType, int entries) {
        String id = UlidCreator.getMonotonicUlid().toString();
        Instant now = Instant.now();
        var spec = db.sql("""
                INSERT INTO tracklists (id, user_id, title, dj_name, source_type, format, created_at, updated_at)
                VALUES (:id, :userId, :title, 'DJ Test', :sourceType, 'MANUAL', :now, :now)""")
                .bind("id", id).bind("userId", userId).bind("title", title).bind("now", CatalogStore.offset(now));
        CatalogStore.nullable(spec, "sourceType", sourceType, String.class).then().block();
        for (int position = 1; position <= entries; position++) {
            db.sql("""
                    INSERT INTO tracklist_entries (tracklist_id, seq, position, line_number, artist, title, cue_time_ms, unknown)
                    VALUES (:id, :seq, :seq, :seq, 'A', 'T', :cue, false)""")
                    .bind("id", id).bind("seq", position).bind("cue", position * 60_000L).then().block();
        }
        return id;
    }

    /** Identifies the track at the position of the tracklist (null: by hand) at {@code at}; answers its catalog id. */
    public String discover(NewCatalogTrack track, String tracklistId, Integer position, String confidence, Instant at) {
        String id = store.upsert(userId, track, at).block();
        store.record(userId, id, new DiscoveryRecord(tracklistId, position, null, confidence, 0.05,
                tracklistId == null ? "manual" : "api", List.of("musicbrainz"), at)).block();
        return id;
    }

    public static NewCatalogTrack track(String artist, String title, String version, String label, String genre,
                                        String isrc, String musicBrainzId, String discogsId) {
        return new NewCatalogTrack(artist, title, version, label, null, null, null, genre, null, isrc, musicBrainzId, discogsId,
                null, null);
    }
}
