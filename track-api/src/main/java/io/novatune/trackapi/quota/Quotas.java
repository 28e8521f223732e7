package io.novatune.trackapi.quota;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A user's quota: bytes of our copies of their tracks against their limit, and their tracks against the cap. */
@Service
public class Quotas {

    private final QuotaStore store;
    private final QuotaPolicy policy;

    public Quotas(QuotaStore store, QuotaPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /** A user who never uploaded has no row yet: they see the default limit, and reading creates nothing. */
    public Mono<QuotaUsage> usage(String userId) {
        Mono<Quota> quota = store.find(userId)
                .defaultIfEmpty(new Quota(userId, 0, policy.defaultLimit().toBytes()));
        return Mono.zip(quota, store.countTracks(userId))
                .map(both -> new QuotaUsage(both.getT1().usedBytes(), both.getT1().limitBytes(), both.getT2()));
    }

    /** The user's quota, its row created on first use. */
    public Mono<Quota> quotaOf(String userId) {
        return store.findOrCreate(userId, policy.defaultLimit().toBytes());
    }

    /**
     * Counts {@code bytes} against the user's quota, inside the caller's transaction; fails with
     * {@link QuotaExceededException} when they do not fit.
     */
    public Mono<Quota> consume(String userId, long bytes) {
        return store.consume(userId, bytes)
                .switchIfEmpty(Mono.defer(() -> quotaOf(userId)
                        .flatMap(quota -> Mono.error(new QuotaExceededException(quota, bytes)))));
    }

    /**
     * Counts {@code added} new tracks of the user, inside the caller's transaction; fails with
     * {@link TrackLimitReachedException} when they would take the library past {@code maxTracks}.
     */
    public Mono<Long> admitTracks(String userId, int added) {
        return store.admitTracks(userId, added, trackLimit())
                .switchIfEmpty(Mono.defer(() -> trackLimitReached(userId, added)));
    }

    /** The most tracks one library may hold. */
    public long trackLimit() {
        return policy.maxTracks();
    }

    /** Fails with {@link TrackLimitReachedException} saying how many tracks the library holds now. */
    public <T> Mono<T> trackLimitReached(String userId, int added) {
        return store.countTracks(userId)
                .flatMap(tracks -> Mono.error(new TrackLimitReachedException(tracks, added, trackLimit())));
    }
}
