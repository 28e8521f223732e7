-- One row per recording (ISRC): whether it was requested for search indexing, and how far it got.
-- The primary key is what makes "exactly once per ISRC" hold across users, replays and replicas.
CREATE TABLE isrc_ledger (
    isrc             text        PRIMARY KEY CHECK (isrc ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
    state            text        NOT NULL CHECK (state IN ('REQUESTED', 'INDEXED')),
    -- The request as it is (or was) published; the eventId stays the same if it has to be sent again.
    request_event_id uuid,
    first_track_id   text,
    first_user_id    text,
    title            text,
    artist           text,
    album            text,
    duration_ms      bigint,
    requested_at     timestamptz,
    -- Set when Kafka acknowledged the IngestionRequested; NULL = still to publish (the relay's work list).
    published_at     timestamptz,
    indexed_at       timestamptz,
    -- How many distinct add events brought this ISRC (0 when only the indexing worker told us about it).
    seen_count       bigint      NOT NULL,
    first_seen_at    timestamptz NOT NULL,
    last_seen_at     timestamptz NOT NULL,
    CONSTRAINT requested_rows_can_be_published CHECK (state <> 'REQUESTED' OR (
        request_event_id IS NOT NULL AND first_track_id IS NOT NULL AND first_user_id IS NOT NULL
        AND title IS NOT NULL AND artist IS NOT NULL AND requested_at IS NOT NULL))
);

-- The relay's work list stays small however large the ledger grows.
CREATE INDEX isrc_ledger_unpublished ON isrc_ledger (requested_at) WHERE state = 'REQUESTED' AND published_at IS NULL;

-- Inbox of consumed add events: a replayed or re-delivered event changes nothing, not even seen_count.
CREATE TABLE processed_events (
    event_id     text        PRIMARY KEY,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
