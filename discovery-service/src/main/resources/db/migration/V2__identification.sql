-- The user's catalog of discovered tracks: one row per user and normalised artist + title + version (TrackKey).
CREATE TABLE catalog_tracks (
    id             TEXT PRIMARY KEY,
    user_id        TEXT        NOT NULL,
    artist         TEXT        NOT NULL,
    title          TEXT        NOT NULL,
    version        TEXT,
    label          TEXT,
    catalog_number TEXT,
    release_title  TEXT,
    release_date   TEXT,
    genre          TEXT,
    duration_ms    BIGINT,
    isrc           TEXT,
    musicbrainz_id TEXT,
    discogs_id     TEXT,
    artist_key     TEXT        NOT NULL,
    title_key      TEXT        NOT NULL,
    version_key    TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT catalog_tracks_one_per_key UNIQUE (user_id, artist_key, title_key, version_key)
);
CREATE INDEX catalog_tracks_by_title ON catalog_tracks (user_id, title_key);

-- How a catalog track was identified, each time it was: from which tracklist entry, how sure, by what means.
CREATE TABLE discovery_records (
    id               TEXT PRIMARY KEY,
    user_id          TEXT             NOT NULL,
    catalog_track_id TEXT             NOT NULL REFERENCES catalog_tracks (id) ON DELETE CASCADE,
    tracklist_id     TEXT,
    position         INT,
    job_id           TEXT,
    confidence       TEXT             NOT NULL CHECK (confidence IN ('STRONG', 'MEDIUM', 'PROVISIONAL')),
    distance         DOUBLE PRECISION NOT NULL,
    method           TEXT             NOT NULL CHECK (method IN ('local', 'api', 'manual')),
    sources          TEXT             NOT NULL,
    created_at       TIMESTAMPTZ      NOT NULL
);
CREATE INDEX discovery_records_by_track ON discovery_records (catalog_track_id);

-- Identification jobs. The row is also the outbox of TracksDiscovered (ADR 0017): event_id is fixed when the job
-- ends, published_at set once Kafka acknowledged it. lease_until: the instance running it renews it; a job whose
-- lease ran out (its instance died) is claimed again and resumes with its pending entries.
CREATE TABLE discovery_jobs (
    id           TEXT PRIMARY KEY,
    user_id      TEXT        NOT NULL,
    tracklist_id TEXT        NOT NULL,
    status       TEXT        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED')),
    total        INT         NOT NULL,
    done         INT         NOT NULL DEFAULT 0,
    identified   INT         NOT NULL DEFAULT 0,
    provisional  INT         NOT NULL DEFAULT 0,
    failed       INT         NOT NULL DEFAULT 0,
    lease_until  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    event_id     UUID,
    published_at TIMESTAMPTZ,
    CONSTRAINT completed_jobs_have_an_event CHECK (status <> 'COMPLETED' OR (event_id IS NOT NULL AND finished_at IS NOT NULL))
);
CREATE INDEX discovery_jobs_running ON discovery_jobs (lease_until) WHERE status = 'RUNNING';
CREATE INDEX discovery_jobs_unpublished ON discovery_jobs (finished_at) WHERE status = 'COMPLETED' AND published_at IS NULL;

-- The entries a job identifies, copied from the tracklist when it starts (a later correction does not change a
-- running job), and each one's outcome.
CREATE TABLE discovery_job_entries (
    job_id           TEXT NOT NULL REFERENCES discovery_jobs (id) ON DELETE CASCADE,
    seq              INT  NOT NULL,
    position         INT  NOT NULL,
    artist           TEXT,
    title            TEXT,
    remix            TEXT,
    label            TEXT,
    unknown          BOOLEAN NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('PENDING', 'IDENTIFIED', 'PROVISIONAL', 'FAILED')),
    catalog_track_id TEXT REFERENCES catalog_tracks (id) ON DELETE SET NULL,
    confidence       TEXT,
    distance         DOUBLE PRECISION,
    method           TEXT,
    sources          TEXT,
    reason           TEXT,
    PRIMARY KEY (job_id, seq)
);
