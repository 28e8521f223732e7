-- Answers of the external music databases that must survive a restart (ADR 0016): a restarted instance, or another
-- replica, does not spend the databases' rate limits on a query already answered. Keyed by source and the normalised
-- query; a row past expires_at is ignored and swept.
CREATE TABLE lookup_cache (
    source     TEXT        NOT NULL,
    query      TEXT        NOT NULL,
    answer     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, query)
);
CREATE INDEX lookup_cache_by_expiry ON lookup_cache (expires_at);

-- Enrichment only some databases provide (Spotify's audio features, Beatport): tempo and musical key.
ALTER TABLE catalog_tracks ADD COLUMN bpm DOUBLE PRECISION, ADD COLUMN musical_key TEXT;
