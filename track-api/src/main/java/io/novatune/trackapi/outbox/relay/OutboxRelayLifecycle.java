package io.novatune.trackapi.outbox.relay;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.trackapi.config.DatabaseProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Runs this replica's outbox relay for as long as the application runs, after Flyway has migrated. */
@Component("outboxRelay")
@ConditionalOnProperty(value = "novatune.relay.enabled", matchIfMissing = true)
public class OutboxRelayLifecycle implements SmartLifecycle, HealthIndicator {

    private final OutboxRelay relay;

    public OutboxRelayLifecycle(DatabaseProperties database, RelayProperties properties,
                                KafkaProperties kafka, MeterRegistry meters) {
        this.relay = new OutboxRelay(new RelaySettings(instanceName(), database.host(), database.port(), database.name(),
                database.username(), database.password(), properties.slotName(), properties.publicationName(),
                properties.offsetTopic(), properties.offsetTopicReplicationFactor(), properties.lockKey(),
                properties.heartbeatInterval(), properties.leadershipCheck(),
                // spring.kafka.*, so the relay reaches the cluster exactly as the application's listeners do.
                kafka.buildProducerProperties()));
        FunctionCounter.builder("outbox_relay_events_forwarded", relay, OutboxRelay::forwardedEvents)
                .description("Outbox events this replica relayed to Kafka")
                .register(meters);
        Gauge.builder("outbox_relay_leader", relay, r -> r.role() == OutboxRelay.Role.LEADER ? 1 : 0)
                .description("1 while this replica runs the outbox relay")
                .register(meters);
    }

    @Override
    public void start() {
        relay.start();
    }

    @Override
    public void stop() {
        relay.close();
    }

    @Override
    public boolean isRunning() {
        return relay.role() != OutboxRelay.Role.STOPPED;
    }

    /** Standby is healthy too: another replica leads. Without its replication slot the relay is DOWN until fixed. */
    @Override
    public Health health() {
        OutboxRelay.Role role = relay.role();
        return (role == OutboxRelay.Role.STOPPED || role == OutboxRelay.Role.NO_SLOT ? Health.down() : Health.up())
                .withDetail("role", role)
                .withDetail("forwardedEvents", relay.forwardedEvents())
                .build();
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "pid-" + ProcessHandle.current().pid();
        }
    }
}
