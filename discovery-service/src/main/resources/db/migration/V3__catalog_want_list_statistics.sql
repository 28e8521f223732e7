-- A catalog track's summary of its discoveries, kept by every new discovery record, so that the catalog sorts and
-- filters by it with an index instead of aggregating discovery_records per request.
ALTER TABLE catalog_tracks
    ADD COLUMN discovery_count     INT NOT NULL DEFAULT 0,
    ADD COLUMN first_discovered_at TIMESTAMPTZ,
    ADD COLUMN last_seen_at        TIMESTAMPTZ,
    ADD COLUMN confidence          TEXT,
    ADD COLUMN method              TEXT;

UPDATE catalog_tracks t SET
    discovery_count = s.mixes, first_discovered_at = s.first_at, last_seen_at = s.last_at,
    confidence = s.confidence, method = s.method
FROM (SELECT catalog_track_id, count(DISTINCT tracklist_id) AS mixes, min(created_at) AS first_at, max(created_at) AS last_at,
             (array_agg(confidence ORDER BY id DESC))[1] AS confidence, (array_agg(method ORDER BY id DESC))[1] AS method
        FROM discovery_records GROUP BY catalog_track_id) s
WHERE s.catalog_track_id = t.id;

CREATE INDEX catalog_tracks_by_last_seen ON catalog_tracks (user_id, last_seen_at DESC, id DESC);
CREATE INDEX catalog_tracks_by_first_discovered ON catalog_tracks (user_id, first_discovered_at DESC, id DESC);
CREATE INDEX catalog_tracks_by_discovery_count ON catalog_tracks (user_id, discovery_count DESC, id DESC);
CREATE INDEX catalog_tracks_by_artist ON catalog_tracks (user_id, artist_key, id);
-- The same recording under another spelling is the same catalog track (ADR 0022).
CREATE INDEX catalog_tracks_by_isrc ON catalog_tracks (user_id, upper(isrc)) WHERE isrc IS NOT NULL;
CREATE INDEX catalog_tracks_by_musicbrainz_id ON catalog_tracks (user_id, musicbrainz_id) WHERE musicbrainz_id IS NOT NULL;

-- Statistics and trends read a user's discoveries by time; the sources of a mix by tracklist.
CREATE INDEX discovery_records_by_user_time ON discovery_records (user_id, created_at) INCLUDE (catalog_track_id, tracklist_id);
CREATE INDEX discovery_records_by_tracklist ON discovery_records (tracklist_id, position);

CREATE TABLE want_list_entries (
    id                  TEXT PRIMARY KEY,
    user_id             TEXT        NOT NULL,
    catalog_track_id    TEXT        NOT NULL REFERENCES catalog_tracks (id) ON DELETE CASCADE,
    priority            INT         NOT NULL CHECK (priority BETWEEN 1 AND 5),
    notes               TEXT,
    source_tracklist_id TEXT,
    status              TEXT        NOT NULL CHECK (status IN ('wanted', 'purchased', 'unavailable')),
    purchase_date       DATE,
    purchased_at        TIMESTAMPTZ,
    library_track_id    TEXT,
    added_at            TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT want_list_one_per_track UNIQUE (user_id, catalog_track_id)
);
CREATE INDEX want_list_by_user ON want_list_entries (user_id, id DESC);
CREATE INDEX want_list_wanted ON want_list_entries (user_id, catalog_track_id) WHERE status = 'wanted';

-- Inbox of consumed track-added events: a replayed or re-delivered event changes nothing.
CREATE TABLE processed_events (
    event_id     TEXT        PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
