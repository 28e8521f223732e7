-- Keyset pagination reads (sort value, id) in index order for every ordering the API offers.
CREATE INDEX tracks_user_updated_idx ON tracks (user_id, updated_at, id);
CREATE INDEX tracks_user_title_idx ON tracks (user_id, title, id);
CREATE INDEX tracks_user_artist_idx ON tracks (user_id, artist, id);
CREATE INDEX tracks_user_duration_idx ON tracks (user_id, (coalesce(duration_ms, 0)), id);
