package io.novatune.ingestion.messaging;

import io.novatune.testsupport.kafka.KafkaProbe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.novatune.events.TrackAdded;
import io.novatune.ingestion.IngestionIntegrationTest;
import io.novatune.ingestion.IngestionSchedulerApplication;
import io.novatune.ingestion.TestEvents;
import io.novatune.ingestion.scheduling.DecisionLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two lives of the service on the same database and consumer group. The first commits the request to the
 * ledger but can never publish it (its producer points at a port where no broker listens) and is shut down
 * with the request unsent; the second must publish it exactly once.
 */
class CrashBetweenLedgerAndPublishTest extends IngestionIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    IngestionRequestRelay relay;

    @BeforeEach
    void theSharedInstanceStandsAside() {
        // This JVM's cached instance would otherwise take the record or publish the row itself.
        listeners.stop();
        relay.stop();
    }

    @AfterEach
    void theSharedInstanceComesBack() {
        relay.start();
        listeners.start();
    }

    @Test
    void a_request_committed_to_the_ledger_but_never_published_is_published_once_after_a_restart() throws Exception {
        String isrc = TestEvents.randomIsrc();
        TrackAdded add = TestEvents.trackAdded("user-crash", isrc);

        try (ConfigurableApplicationContext firstLife = startScheduler(Map.of(
                "spring.kafka.producer.bootstrap-servers", "localhost:" + closedPort(),
                "spring.kafka.producer.properties.max.block.ms", "500",
                // An observed template first asks that "broker" for its cluster id, and waits a minute for it.
                "spring.kafka.template.observation-enabled", "false"))) {
            publish(add);

            await().atMost(Duration.ofSeconds(60)).until(() -> ledgerRow(isrc) != null);
            assertThat(ledgerRow(isrc)).containsEntry("state", "REQUESTED").containsEntry("published_at", null);
            // The relay of the first life has tried, and failed, to publish it.
            await().until(() -> firstLife.getBean(MeterRegistry.class)
                    .find(DecisionLog.ERROR).tag("reason", "publish_failed").counters().stream()
                    .mapToDouble(Counter::count).sum() >= 1);
        }
        assertThat(requestsFor(isrc)).isEmpty();
        assertThat(ledgerRow(isrc)).containsEntry("published_at", null);

        try (ConfigurableApplicationContext secondLife = startScheduler(Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> requestsFor(isrc).size() == 1);
            await().until(() -> ledgerRow(isrc).get("published_at") != null && unpublishedRequests() == 0);
            assertThat(requestsFor(isrc)).singleElement().satisfies(request -> {
                assertThat(request.getTrackId()).isEqualTo(add.getTrackId());
                assertThat(request.getEventId()).isEqualTo(ledgerRow(isrc).get("request_event_id").toString());
            });
            assertThat(ledgerRow(isrc)).containsEntry("seen_count", 1L);
        }
    }

    private static ConfigurableApplicationContext startScheduler(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(databaseProperties(DATABASE));
        properties.put("spring.kafka.bootstrap-servers", KafkaProbe.shared().bootstrapServers());
        properties.put("server.port", 0);
        properties.putAll(overrides);
        // As command-line arguments: they take precedence over application.yml, as the environment would.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(IngestionSchedulerApplication.class).run(arguments);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
