package io.novatune.trackapi.outbox.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code outbox_relay_lag_bytes}: how much WAL the relay's replication slot has not yet confirmed.
 * It grows while events wait to be relayed (or while no replica leads), and it is what PostgreSQL
 * must keep on disk, so it is the one number to alert on.
 */
@Component
public class OutboxLagMetrics implements DisposableBean {

    private final AtomicLong lagBytes = new AtomicLong(-1);
    private final Disposable sampling;

    public OutboxLagMetrics(DatabaseClient db, RelayProperties relay, MeterRegistry meters) {
        Gauge.builder("outbox_relay_lag_bytes", lagBytes, AtomicLong::get)
                .description("WAL bytes the outbox relay's replication slot has not confirmed; -1 when the slot is missing")
                .baseUnit("bytes")
                .register(meters);
        // Sampled in the background: a scrape never waits on the database. A sample slower than the interval
        // (a loaded database, a busy pool) skips ticks rather than ending the sampling with an overflow error.
        this.sampling = Flux.interval(Duration.ZERO, Duration.ofSeconds(10))
                .onBackpressureDrop()
                .concatMap(tick -> db.sql("""
                                SELECT coalesce(pg_current_wal_lsn() - confirmed_flush_lsn, 0)::bigint AS lag
                                FROM pg_replication_slots WHERE slot_name = :slot
                                """)
                        .bind("slot", relay.slotName())
                        .map(row -> row.get("lag", Long.class))
                        .one()
                        .defaultIfEmpty(-1L)
                        .timeout(Duration.ofSeconds(5))
                        .onErrorResume(unreachableOrSlow -> Mono.empty()))
                .subscribe(lagBytes::set);
    }

    @Override
    public void destroy() {
        sampling.dispose();
    }
}
