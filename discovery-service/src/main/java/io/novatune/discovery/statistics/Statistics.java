package io.novatune.discovery.statistics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.novatune.discovery.catalog.DiscoveriesArrived;
import io.novatune.discovery.wantlist.WantListChanged;
import io.novatune.platform.problem.InvalidRequestException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Statistics and trends of the user's discoveries, cached 15 minutes per user. New discoveries, and want-list
 * changes (purchase conversion), drop the user's figures: the cache holds one map per user, and a computation
 * writes into the map it started with, so one that was running while the user was dropped lands in a map no
 * longer reachable rather than bringing stale figures back.
 */
@Service
public class Statistics {

    static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration TREND_WINDOW = Duration.ofDays(30);
    private static final Duration RATE_WINDOW = Duration.ofDays(7 * 12);

    private final StatisticsStore store;
    private final Clock clock;
    private final Cache<String, Map<String, Object>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(TTL).build();

    public Statistics(StatisticsStore store, Optional<Clock> clock) {
        this.store = store;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    public Mono<DiscoveryStatistics> statistics(String userId, String periodText) {
        Period period = Period.of(periodText);
        if (period == null) {
            return Mono.error(new InvalidRequestException("period", "is daily, weekly, monthly or all-time"));
        }
        return cached(userId, "statistics:" + period.text(), () -> {
            Instant end = clock.instant();
            Instant start = period.length() == null ? Instant.EPOCH : end.minus(period.length());
            return Mono.zip(store.totals(userId, start, end), store.topGenres(userId, start, end),
                            store.sources(userId, start, end), store.mostPlayed(userId, start, end))
                    .map(parts -> new DiscoveryStatistics(period.text(), period.length() == null ? null : start, end,
                            parts.getT1().tracks(), parts.getT1().artists(), parts.getT1().labels(), parts.getT2(),
                            parts.getT3(), parts.getT4()));
        });
    }

    public Mono<DiscoveryTrends> trends(String userId) {
        return cached(userId, "trends", () -> {
            Instant now = clock.instant();
            Instant split = now.minus(TREND_WINDOW);
            Instant start = split.minus(TREND_WINDOW);
            return Mono.zip(store.trends(userId, StatisticsStore.ARTIST_KEY, StatisticsStore.ARTIST_NAME, start, split, now),
                            store.trends(userId, StatisticsStore.GENRE_KEY, StatisticsStore.GENRE_NAME, start, split, now),
                            store.weekly(userId, now.minus(RATE_WINDOW), now),
                            store.sources(userId, split, now), store.conversion(userId))
                    .map(parts -> new DiscoveryTrends(now, parts.getT1(), parts.getT2(), parts.getT3(), parts.getT4(),
                            parts.getT5()));
        });
    }

    @EventListener
    public void discoveriesArrived(DiscoveriesArrived event) {
        cache.invalidate(event.userId());
    }

    @EventListener
    public void wantListChanged(WantListChanged event) {
        cache.invalidate(event.userId());
    }

    @SuppressWarnings("unchecked")
    private <T> Mono<T> cached(String userId, String key, Supplier<Mono<T>> compute) {
        return Mono.defer(() -> {
            Map<String, Object> figures = cache.get(userId, id -> new ConcurrentHashMap<>());
            Object found = figures.get(key);
            if (found != null) {
                return Mono.just((T) found);
            }
            return compute.get().doOnNext(value -> figures.put(key, value));
        });
    }
}
