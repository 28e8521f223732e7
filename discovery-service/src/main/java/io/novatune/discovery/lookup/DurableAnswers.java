package io.novatune.discovery.lookup;

import reactor.core.publisher.Mono;

/**
 * The layer of {@link ResilientRequests}' cache that survives a restart: asked before a request goes out, told each
 * answer after. It never fails a lookup: a store that cannot answer is a miss.
 */
public interface DurableAnswers<K, V> {

    /** The stored answer for {@code key}; empty when there is none or it expired. */
    Mono<V> read(K key);

    Mono<Void> write(K key, V answer);

    /** No durable layer: only the in-memory cache. */
    static <K, V> DurableAnswers<K, V> none() {
        return new DurableAnswers<>() {
            @Override
            public Mono<V> read(K key) {
                return Mono.empty();
            }

            @Override
            public Mono<Void> write(K key, V answer) {
                return Mono.empty();
            }
        };
    }
}
