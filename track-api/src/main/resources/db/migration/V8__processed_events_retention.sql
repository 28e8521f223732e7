-- The inbox retention deletes by age: without this index every run would scan the whole table.
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
