package io.novatune.trackapi.outbox.relay;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams the outbox to Kafka: an embedded Debezium engine, run by whichever replica holds the
 * advisory lock. Delivery is at-least-once: an event is acknowledged to Debezium only after Kafka
 * acknowledged it, so a crash anywhere re-sends and never loses.
 */
public final class OutboxRelay implements AutoCloseable {

    /** {@code NO_SLOT}: it held the lock but the replication slot is gone; it refuses to stream until an operator acts. */
    public enum Role { STANDBY, LEADER, NO_SLOT, STOPPED }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final Set<String> CONNECTION_SETTINGS = Set.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG);

    private final RelaySettings settings;
    private volatile ExecutorService threads;
    private final AtomicLong forwardedEvents = new AtomicLong();
    private volatile boolean running;
    private volatile Role role = Role.STOPPED;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;

    public OutboxRelay(RelaySettings settings) {
        this.settings = settings;
    }

    /** Starts (or, after {@link #close()}, starts again) trying to lead. */
    public synchronized void start() {
        threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-" + settings.instance());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        role = Role.STANDBY;
        threads.submit(this::leadOrWait);
    }

    public Role role() {
        return role;
    }

    public long forwardedEvents() {
        return forwardedEvents.get();
    }

    private void leadOrWait() {
        while (running) {
            boolean slotMissing = false;
            try (RelayLeadership leadership = RelayLeadership.tryAcquire(settings)) {
                if (leadership != null) {
                    slotMissing = !leadership.slotExists(settings.slotName());
                    if (slotMissing) {
                        refuseWithoutSlot();
                    } else {
                        lead(leadership);
                    }
                }
            } catch (Exception e) {
                log.warn("Outbox relay {} failed; it will try again: {}", settings.instance(), e.toString());
            } finally {
                role = !running ? Role.STOPPED : slotMissing ? Role.NO_SLOT : Role.STANDBY;
            }
            pause();
        }
    }

    private void refuseWithoutSlot() {
        if (role != Role.NO_SLOT) {
            log.error("Outbox relay {} will not stream: the replication slot '{}' is missing, so outbox rows committed"
                            + " since it was lost are in no slot. To recover: SELECT pg_create_logical_replication_slot('{}',"
                            + " 'pgoutput'); then re-send the outbox rows written since the last event on Kafka"
                            + " (docs/runbooks/track-api.md, 'The relay's replication slot is missing')",
                    settings.instance(), settings.slotName(), settings.slotName());
        }
        role = Role.NO_SLOT;
    }

    private void lead(RelayLeadership leadership) throws Exception {
        role = Role.LEADER;
        log.info("Outbox relay {} holds the lock and starts streaming the outbox", settings.instance());
        if (leadership.evictFormerStreamer(settings.slotName())) {
            log.warn("Outbox relay {} ended the session of a former leader still holding the slot '{}'",
                    settings.instance(), settings.slotName());
        }
        Producer<String, byte[]> producer = new KafkaProducer<>(producerConfig(settings));
        try {
            engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(DebeziumProperties.of(settings))
                    .notifying(new KafkaForwarder(producer, forwardedEvents::addAndGet))
                    .using((success, message, error) -> {
                        if (!success && running) {
                            log.warn("Outbox relay {} engine stopped: {}", settings.instance(), message, error);
                        }
                    })
                    .build();
            Future<?> streaming = threads.submit(engine);
            while (running && !streaming.isDone() && leadership.stillHeld()) {
                pause();
            }
            closeEngine();
            streaming.get(30, TimeUnit.SECONDS);
        } finally {
            // Bounded: a send Kafka never acknowledged was not marked processed, so dropping it loses nothing.
            producer.close(Duration.ofSeconds(5));
            log.info("Outbox relay {} stops leading", settings.instance());
        }
    }

    /**
     * How to reach the cluster (servers, TLS, SASL) from the application's Kafka settings, and nothing else from
     * them: a producer setting at odds with idempotence (retries=0, a transactional id, …) would stop the relay at
     * every leadership attempt while its health still said UP.
     */
    static Map<String, Object> producerConfig(RelaySettings settings) {
        Map<String, Object> config = connectionSettings(settings);
        config.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + settings.instance(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // A batch Kafka cannot take within 30 s fails, the engine restarts from its last
                // committed offset, and a stop never waits longer than that.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return config;
    }

    /** Only how to reach the cluster: servers, TLS, SASL. */
    static Map<String, Object> connectionSettings(RelaySettings settings) {
        Map<String, Object> config = new HashMap<>();
        settings.kafkaClient().forEach((name, value) -> {
            if (CONNECTION_SETTINGS.contains(name) || name.startsWith("ssl.") || name.startsWith("sasl.")) {
                config.put(name, value);
            }
        });
        return config;
    }

    private void pause() {
        try {
            Thread.sleep(settings.leadershipCheck().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeEngine() {
        DebeziumEngine<?> current = engine;
        engine = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                log.warn("Outbox relay {} engine did not close cleanly", settings.instance(), e);
            }
        }
    }

    /** Stops streaming and releases the lock, so another replica takes over at once. */
    @Override
    public synchronized void close() {
        running = false;
        closeEngine();
        ExecutorService threads = this.threads;
        if (threads == null) {
            role = Role.STOPPED;
            return;
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        role = Role.STOPPED;
    }
}
