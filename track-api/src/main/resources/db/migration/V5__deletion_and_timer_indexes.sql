-- The purge reconciler scans only claimed purges, oldest request first.
CREATE INDEX tracks_purging_idx ON tracks (purge_requested_at) WHERE status = 'PURGING';

-- Admins list stuck and pending deletions by status, paged by id.
CREATE INDEX tracks_deletion_status_idx ON tracks (status, id) WHERE status IN ('DELETED', 'PURGING', 'DELETE_FAILED');

-- Archive statistics count provider tracks only.
CREATE INDEX tracks_provider_idx ON tracks (provider_expires_at) WHERE source = 'PROVIDER';
