-- The library: one row per track a user keeps. Soft-deleted rows stay until purged.
CREATE TABLE tracks (
    id                      varchar(26)  PRIMARY KEY,          -- ULID
    user_id                 varchar(255) NOT NULL,
    title                   varchar(500) NOT NULL,
    artist                  varchar(500) NOT NULL,
    album                   varchar(500),
    isrc                    varchar(12),
    genre                   varchar(100),
    bpm                     numeric(6, 2),
    musical_key             varchar(8),
    duration_ms             bigint,
    status                  varchar(20)  NOT NULL,
    status_before_deletion  varchar(20),
    source                  varchar(20)  NOT NULL,
    catalog_service         varchar(50),
    catalog_id              varchar(255),
    audio_object_key        varchar(1024),
    waveform_object_key     varchar(1024),
    file_size_bytes         bigint       NOT NULL DEFAULT 0,
    provider_name           varchar(100),
    provider_audio_url      varchar(4096),
    provider_cover_url      varchar(4096),
    provider_video_url      varchar(4096),
    provider_expires_at     timestamptz,
    archive_due_at          timestamptz,
    archived_at             timestamptz,
    archived_audio_key      varchar(1024),
    archived_cover_key      varchar(1024),
    archived_video_key      varchar(1024),
    archive_attempts        integer      NOT NULL DEFAULT 0,
    last_archive_error      varchar(2000),
    deleted_at              timestamptz,
    scheduled_deletion_at   timestamptz,
    purge_requested_at      timestamptz,
    purge_attempts          integer      NOT NULL DEFAULT 0,
    created_at              timestamptz  NOT NULL,
    updated_at              timestamptz  NOT NULL,
    version                 bigint       NOT NULL DEFAULT 0,
    search_vector           tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(artist, '') || ' ' || coalesce(album, ''))
    ) STORED,
    CONSTRAINT tracks_status_check CHECK (status IN ('PROCESSING', 'READY', 'FAILED', 'DELETED', 'PURGING', 'DELETE_FAILED')),
    CONSTRAINT tracks_source_check CHECK (source IN ('UPLOAD', 'PROVIDER', 'CATALOG'))
);

CREATE INDEX tracks_user_created_idx ON tracks (user_id, created_at DESC, id DESC);
CREATE INDEX tracks_search_idx ON tracks USING gin (search_vector);
-- The due-timers scan only what can be due.
CREATE INDEX tracks_purge_due_idx ON tracks (scheduled_deletion_at) WHERE status = 'DELETED';
CREATE INDEX tracks_archive_due_idx ON tracks (archive_due_at) WHERE archived_at IS NULL AND archive_due_at IS NOT NULL;

-- Transactional outbox: a row is inserted and deleted in the transaction of the state change;
-- Debezium reads the insert from the WAL and its Outbox Event Router routes it by `topic`.
CREATE TABLE outbox (
    id             uuid         PRIMARY KEY,                   -- the event id
    aggregate_type varchar(50)  NOT NULL,
    aggregate_id   varchar(255) NOT NULL,                      -- the Kafka record key
    topic          varchar(255) NOT NULL,
    event_type     varchar(255) NOT NULL,                      -- Avro full name
    payload        bytea        NOT NULL,                      -- Confluent wire format, already encoded
    traceparent    varchar(55),
    created_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE user_quota (
    user_id     varchar(255) PRIMARY KEY,
    used_bytes  bigint NOT NULL DEFAULT 0,
    limit_bytes bigint NOT NULL
);

-- Inbox of consumed events: a replayed event finds its id here and has no second effect.
CREATE TABLE processed_events (
    event_id     varchar(64) PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- Written by the relay's heartbeat so the replication slot advances while the outbox is idle.
CREATE TABLE relay_heartbeat (
    id       integer     PRIMARY KEY,
    beat_at  timestamptz NOT NULL
);

-- What the relay's replication slot streams: only outbox inserts (and the heartbeat that keeps the
-- slot moving while idle). The outbox's deletes never leave the database.
CREATE PUBLICATION novatune_outbox FOR TABLE outbox, relay_heartbeat WITH (publish = 'insert, update');
