-- An album's tracks keep their position on the album; one track per position.
ALTER TABLE tracks ADD COLUMN track_number integer;
CREATE UNIQUE INDEX tracks_album_position_idx ON tracks (album_id, track_number) WHERE album_id IS NOT NULL;
