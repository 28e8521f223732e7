-- The relay's Debezium offsets now live in a compacted Kafka topic (novatune.relay.offset-topic). The replication
-- slot keeps its confirmed position, so the engine resumes there without the rows this table held.
DROP TABLE IF EXISTS relay_offsets;
