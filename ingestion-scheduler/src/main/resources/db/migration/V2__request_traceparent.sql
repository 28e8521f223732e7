-- The W3C trace context of the decision that created the request: the relay publishes it as a child of
-- that trace, so one trace runs from the HTTP request that added the track to IngestionRequested.
ALTER TABLE isrc_ledger ADD COLUMN traceparent text;
