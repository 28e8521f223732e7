package io.novatune.trackapi.inbox;

import reactor.core.publisher.Mono;

import java.util.function.IntFunction;

/**
 * How track-api forgets what it keeps only for a while (inbox ids, purge tombstones): one batched delete after
 * another until a batch comes back short, so that no run holds many row locks at once.
 */
public final class BatchedRetention {

    private BatchedRetention() {
    }

    /** Answers how many rows were forgotten in all. */
    public static Mono<Long> forgetInBatches(int batch, IntFunction<Mono<Long>> deleteBatch) {
        return deleteBatch.apply(batch)
                .expand(deleted -> deleted < batch ? Mono.empty() : deleteBatch.apply(batch))
                .reduce(0L, Long::sum);
    }
}
