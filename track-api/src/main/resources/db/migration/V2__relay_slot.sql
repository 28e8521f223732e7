-- The relay's replication slot exists from the moment the schema does, so that no outbox row
-- committed before the relay first runs is ever missed (the connector runs with snapshot.mode=no_data).
SELECT pg_create_logical_replication_slot('${relay_slot}', 'pgoutput')
WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = '${relay_slot}');
