-- An album added by its catalog reference alone: the catalog names and lists it. While the catalog cannot list it,
-- the album is in the library without tracks (and without a title, if the caller gave none); the due-timer fetches
-- the listing again with back-off (listing_due_at), and only then are the tracks added and AlbumAdded published.
ALTER TABLE albums ALTER COLUMN title DROP NOT NULL;
ALTER TABLE albums ALTER COLUMN artist DROP NOT NULL;
ALTER TABLE albums ADD COLUMN catalog_service varchar(50);
ALTER TABLE albums ADD COLUMN catalog_id varchar(255);
ALTER TABLE albums ADD COLUMN listing_status varchar(20) NOT NULL DEFAULT 'AVAILABLE';
ALTER TABLE albums ADD COLUMN listing_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE albums ADD COLUMN listing_due_at timestamptz;
ALTER TABLE albums ADD COLUMN listing_error varchar(1000);
ALTER TABLE albums ADD CONSTRAINT albums_listing_status_check CHECK (listing_status IN ('AVAILABLE', 'UNAVAILABLE'));
-- An album is named once its listing is available.
ALTER TABLE albums ADD CONSTRAINT albums_named_when_listed_check
    CHECK (listing_status = 'UNAVAILABLE' OR (title IS NOT NULL AND artist IS NOT NULL));
-- The sweeper scans only albums waiting for their listing, earliest due first.
CREATE INDEX albums_listing_due_idx ON albums (listing_due_at) WHERE listing_status = 'UNAVAILABLE';
