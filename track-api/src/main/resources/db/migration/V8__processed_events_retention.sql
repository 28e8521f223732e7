-- The inbox retention deletes by age: without this index every run would scan the whole table.
-- Not CONCURRENTLY: that waits for every open transaction, Flyway's own lock transaction included, and hangs.
-- The plain build holds inbox inserts only while it runs, seconds even for millions of rows.
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
