-- A purged track's row is gone, but its owner may DELETE it again (a retry, a second device): the tombstone lets
-- track-api answer 202 ALREADY_DELETED to the owner, and 404 to anyone else, for as long as the inbox remembers.
CREATE TABLE purged_tracks (
    track_id  text        PRIMARY KEY,
    user_id   text        NOT NULL,
    purged_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purged_tracks_purged_at ON purged_tracks (purged_at);
