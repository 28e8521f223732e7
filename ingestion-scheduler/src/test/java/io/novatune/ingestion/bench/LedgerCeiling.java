package io.novatune.ingestion.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.novatune.events.EventHeaders;
import io.novatune.events.Isrc;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.events.serde.EventDeserializer;
import io.novatune.infra.PostgresServer;
import io.novatune.ingestion.ledger.EventClaim;
import io.novatune.ingestion.ledger.IngestionRequest;
import io.novatune.ingestion.ledger.IsrcLedger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The ceiling the service's rate is measured against, in the same run: plain {@link KafkaConsumer}s (as many as
 * the service's consumer threads, in one group, the same poll size) read {@code track-added} and run the
 * service's own ledger statement ({@link IsrcLedger#claim}, over JDBC on one connection each) once per poll,
 * then commit. No Spring, no listener container, no logging, metrics, tracing or publishing of the requests:
 * what consuming plus the one statement per poll can do on this machine.
 */
final class LedgerCeiling {

    private final String bootstrap;
    private final PostgresServer postgres;
    private final String database;
    private final int consumers;

    LedgerCeiling(String bootstrap, PostgresServer postgres, String database, int consumers) {
        this.bootstrap = bootstrap;
        this.postgres = postgres;
        this.database = database;
        this.consumers = consumers;
        postgres.ensureDatabase(database);
        Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.username(), postgres.password())
                .locations("classpath:db/migration").load().migrate();
    }

    /** Reads the whole topic with a new consumer group; answers decisions per second, first record to last. */
    double run(String group, int events) throws Exception {
        AtomicLong consumed = new AtomicLong();
        AtomicLong firstAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastAt = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(consumers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                running.add(threads.submit(() -> consume(group, events, consumed, firstAt, lastAt)));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return events / ((lastAt.get() - firstAt.get()) / 1e9);
    }

    private Void consume(String group, int events, AtomicLong consumed, AtomicLong firstAt, AtomicLong lastAt)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
             KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, group,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new EventDeserializer())) {
            IsrcLedger ledger = new IsrcLedger(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
            consumer.subscribe(List.of(Topics.TRACK_ADDED));
            while (consumed.get() < events) {
                ConsumerRecords<String, SpecificRecord> polled = consumer.poll(Duration.ofMillis(100));
                if (polled.isEmpty()) {
                    continue;
                }
                firstAt.accumulateAndGet(System.nanoTime(), Math::min);
                List<EventClaim> claims = new ArrayList<>(polled.count());
                for (ConsumerRecord<String, SpecificRecord> record : polled) {
                    claims.add(claim((TrackAdded) record.value(), record.headers().lastHeader(EventHeaders.TRACEPARENT)));
                }
                ledger.claim(claims);
                consumer.commitSync();
                consumed.addAndGet(polled.count());
                lastAt.accumulateAndGet(System.nanoTime(), Math::max);
            }
        }
        return null;
    }

    private static EventClaim claim(TrackAdded add, Header traceparent) {
        String isrc = Isrc.parse(add.getIsrc()).orElseThrow().code();
        return new EventClaim(add.getEventId(), List.of(new IngestionRequest(isrc, UUID.randomUUID(), add.getTrackId(),
                add.getUserId(), add.getTitle(), add.getArtist(), add.getAlbum(), add.getDurationMs(), null,
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8))));
    }
}
