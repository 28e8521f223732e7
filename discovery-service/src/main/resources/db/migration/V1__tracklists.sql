CREATE TABLE tracklists (
    id          TEXT PRIMARY KEY,
    user_id     TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    dj_name     TEXT,
    played_at   TIMESTAMPTZ,
    source_type TEXT,
    source_url  TEXT,
    format      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX tracklists_user_id ON tracklists (user_id, id DESC);

CREATE TABLE tracklist_entries (
    tracklist_id   TEXT    NOT NULL REFERENCES tracklists (id) ON DELETE CASCADE,
    seq            INT     NOT NULL,
    position       INT     NOT NULL,
    line_number    INT     NOT NULL,
    artist         TEXT,
    title          TEXT,
    remix          TEXT,
    label          TEXT,
    catalog_number TEXT,
    cue_time_ms    BIGINT,
    unknown        BOOLEAN NOT NULL,
    PRIMARY KEY (tracklist_id, seq)
);

CREATE TABLE tracklist_unparsed_lines (
    tracklist_id TEXT NOT NULL REFERENCES tracklists (id) ON DELETE CASCADE,
    line_number  INT  NOT NULL,
    line         TEXT NOT NULL,
    reason       TEXT NOT NULL,
    PRIMARY KEY (tracklist_id, line_number)
);
