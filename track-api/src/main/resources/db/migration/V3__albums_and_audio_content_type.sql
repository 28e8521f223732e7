ALTER TABLE tracks ADD COLUMN audio_content_type varchar(100);
ALTER TABLE tracks ADD COLUMN album_id varchar(26);

-- An album added to a library with its track listing; its tracks are rows of `tracks`.
CREATE TABLE albums (
    id          varchar(26)  PRIMARY KEY,
    user_id     varchar(255) NOT NULL,
    title       varchar(500) NOT NULL,
    artist      varchar(500) NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX albums_user_idx ON albums (user_id);
