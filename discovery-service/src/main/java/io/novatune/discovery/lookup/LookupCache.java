package io.novatune.discovery.lookup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The music databases' answers in the {@code discovery} database ({@code lookup_cache}), keyed by source and the
 * normalised query, so that they survive a restart and are shared by replicas. Read before a request goes out, written
 * after it was answered; rows past their expiry are ignored and swept. A failure here costs a request, never a lookup.
 */
@Component
public class LookupCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LookupCache.class);
    // Unknown fields are ignored: a row written by an older or newer version of Candidate still reads.
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final TypeReference<List<Candidate>> CANDIDATES = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final LookupCacheProperties properties;
    private final Clock clock;
    private volatile Disposable sweep;

    public LookupCache(DatabaseClient db, LookupCacheProperties properties, Optional<Clock> clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** The durable layer of one source's search answers, {@code keyOf} naming a query as the database sees it. */
    public <K> DurableAnswers<K, List<Candidate>> searches(String source, Function<K, String> keyOf) {
        if (!properties.enabled()) {
            return DurableAnswers.none();
        }
        return new DurableAnswers<>() {
            @Override
            public Mono<List<Candidate>> read(K key) {
                return LookupCache.this.read(source, normalised(keyOf.apply(key)));
            }

            @Override
            public Mono<Void> write(K key, List<Candidate> answer) {
                return LookupCache.this.write(source, normalised(keyOf.apply(key)), answer);
            }
        };
    }

    Mono<List<Candidate>> read(String source, String query) {
        return db.sql("SELECT answer FROM lookup_cache WHERE source = :source AND query = :query AND expires_at > :now")
                .bind("source", source).bind("query", query).bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .map(row -> row.get("answer", String.class)).one()
                .map(answer -> JSON.readValue(answer, CANDIDATES))
                .onErrorResume(error -> {
                    log.warn("the lookup cache could not be read for {}: {}", source, error.toString());
                    return Mono.empty();
                });
    }

    Mono<Void> write(String source, String query, List<Candidate> answer) {
        Instant now = clock.instant();
        return Mono.fromCallable(() -> JSON.writeValueAsString(answer))
                .flatMap(json -> db.sql("""
                        INSERT INTO lookup_cache (source, query, answer, created_at, expires_at)
                        VALUES (:source, :query, :answer, :now, :expiresAt)
                        ON CONFLICT (source, query) DO UPDATE SET answer = EXCLUDED.answer, created_at = EXCLUDED.created_at,
                                                                  expires_at = EXCLUDED.expires_at""")
                        .bind("source", source).bind("query", query).bind("answer", json)
                        .bind("now", now.atOffset(ZoneOffset.UTC))
                        .bind("expiresAt", now.plus(properties.expireAfter()).atOffset(ZoneOffset.UTC))
                        .then())
                .onErrorResume(error -> {
                    log.warn("the lookup cache could not be written for {}: {}", source, error.toString());
                    return Mono.empty();
                });
    }

    /** Deletes the expired rows; answers how many. */
    public Mono<Long> sweep() {
        return db.sql("DELETE FROM lookup_cache WHERE expires_at <= :now")
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated();
    }

    /** As the databases' search engines compare queries: case and Unicode composition do not count. */
    static String normalised(String query) {
        return Normalizer.normalize(query.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized void start() {
        if (properties.enabled()) {
            sweep = Flux.interval(properties.sweepInterval())
                    .onBackpressureDrop()
                    .concatMap(tick -> sweep().onErrorResume(error -> {
                        log.warn("the lookup cache sweep failed: {}", error.toString());
                        return Mono.empty();
                    }))
                    .subscribe();
        }
    }

    @Override
    public synchronized void stop() {
        if (sweep != null) {
            sweep.dispose();
            sweep = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweep != null;
    }
}
