-- Statistics and trends at 100,000 discoveries (issue 12, ADR 0028): the figures of a window ending now read one
-- index each instead of joining every discovery record of the window to its catalog track.

-- A track has a discovery in [start, now) exactly when its last one is in it (last_seen_at, kept by every new
-- record), so tracks, artists, labels and genres of a period are counted from the catalog: an index-only scan.
CREATE INDEX catalog_tracks_statistics ON catalog_tracks (user_id, last_seen_at) INCLUDE (artist_key, label, genre);

-- Most played of all time: discovery_count is the number of mixes, read in the statistics' order (ties by id).
CREATE INDEX catalog_tracks_most_played ON catalog_tracks (user_id, discovery_count DESC, id) WHERE discovery_count > 0;

-- Trends count discoveries per artist and per genre. Each record carries its track's artist and genre, set when the
-- record is written and again whenever the track's change (a correction, a genre filled in later), so the trends
-- read one index of the records and no join.
ALTER TABLE discovery_records
    ADD COLUMN artist     TEXT,
    ADD COLUMN artist_key TEXT,
    ADD COLUMN genre      TEXT;

UPDATE discovery_records r SET artist = t.artist, artist_key = t.artist_key, genre = t.genre
  FROM catalog_tracks t WHERE t.id = r.catalog_track_id;

CREATE FUNCTION discovery_records_track_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT t.artist, t.artist_key, t.genre INTO NEW.artist, NEW.artist_key, NEW.genre
      FROM catalog_tracks t WHERE t.id = NEW.catalog_track_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER discovery_records_track_names BEFORE INSERT OR UPDATE OF catalog_track_id ON discovery_records
    FOR EACH ROW EXECUTE FUNCTION discovery_records_track_names();

CREATE FUNCTION catalog_tracks_names_to_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE discovery_records SET artist = NEW.artist, artist_key = NEW.artist_key, genre = NEW.genre
     WHERE catalog_track_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER catalog_tracks_names_to_records AFTER UPDATE OF artist, artist_key, genre ON catalog_tracks
    FOR EACH ROW
    WHEN (OLD.artist IS DISTINCT FROM NEW.artist OR OLD.artist_key IS DISTINCT FROM NEW.artist_key
          OR OLD.genre IS DISTINCT FROM NEW.genre)
    EXECUTE FUNCTION catalog_tracks_names_to_records();

CREATE INDEX discovery_records_trends ON discovery_records (user_id, created_at) INCLUDE (artist_key, artist, genre);
