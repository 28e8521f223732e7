-- A search reads only the caller's matches: the text index leads with the user (btree_gin gives GIN the varchar
-- key), so a rare term no longer reads every user's matches and drops all but the caller's (ADR 0030). The
-- text-only index served nothing else.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX tracks_user_search_idx ON tracks USING gin (user_id, search_vector);
DROP INDEX tracks_search_idx;
