package io.novatune.platform.inbox;

/**
 * How a service forgets old ids in its inbox table {@code processed_events (event_id, processed_at)}: in batches,
 * so that no run holds many row locks at once, skipping rows another replica is deleting rather than waiting for
 * them. One statement for every service, run until a batch comes back short.
 */
public final class ProcessedEventsRetention {

    /** Rows per statement. */
    public static final int BATCH = 10_000;

    /** Named parameters {@code :cutoff} (a timestamp) and {@code :batch}; answers the rows deleted. */
    public static final String FORGET_BATCH = """
            DELETE FROM processed_events
             WHERE event_id IN (SELECT event_id FROM processed_events
                                 WHERE processed_at < :cutoff
                                 LIMIT :batch
                                   FOR UPDATE SKIP LOCKED)""";

    private ProcessedEventsRetention() {
    }

    /** One batch, as a service's database client runs it. */
    @FunctionalInterface
    public interface BatchDelete {
        long delete(int batch);
    }

    /** Runs batches until one deletes fewer than {@link #BATCH} rows; answers how many were forgotten in all. */
    public static long forgetInBatches(BatchDelete batchDelete) {
        long forgotten = 0;
        long deleted;
        do {
            deleted = batchDelete.delete(BATCH);
            forgotten += deleted;
        } while (deleted >= BATCH);
        return forgotten;
    }
}
