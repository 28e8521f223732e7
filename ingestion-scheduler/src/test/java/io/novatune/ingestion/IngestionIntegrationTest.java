package io.novatune.ingestion;

import io.novatune.testsupport.kafka.KafkaProbe;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.novatune.events.IngestionRequested;
import io.novatune.events.Topics;
import io.novatune.events.TrackAdded;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the scheduler against this JVM's real PostgreSQL and Kafka. Every subclass
 * shares one application context and one {@code ingestion} database; tests keep apart by using ISRCs of
 * their own ({@link TestEvents#randomIsrc()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@AutoConfigureTracing
@AutoConfigureTestRestTemplate
public abstract class IngestionIntegrationTest {

    public static final String DATABASE = "ingestion_it";
    public static final String GROUP = "ingestion-scheduler";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        databaseProperties(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaProbe.shared().bootstrapServers());
        // The fail-open test holds a lock on the ledger: the decision gives up after this long.
        registry.add("spring.jdbc.template.query-timeout", () -> "2s");
    }

    /** The {@code novatune.database.*} properties of a database on the shared PostgreSQL, created if needed. */
    public static Map<String, Object> databaseProperties(String database) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(database);
        return Map.of(
                "novatune.database.host", postgres.host(),
                "novatune.database.port", postgres.port(),
                "novatune.database.name", database,
                "novatune.database.username", postgres.username(),
                "novatune.database.password", postgres.password());
    }

    @Autowired
    protected JdbcTemplate jdbc;

    protected final KafkaProbe kafka = KafkaProbe.shared();

    /** Publishes the add to track-added as track-api does (key = track id) and returns it. */
    protected TrackAdded publish(TrackAdded add) {
        kafka.publish(add.getTrackId(), add);
        return add;
    }

    /** Every {@code IngestionRequested} on the topic so far. */
    protected List<IngestionRequested> requests() {
        return kafka.events(Topics.INGESTION_REQUESTED, IngestionRequested.class);
    }

    /** Every {@code IngestionRequested} for this ISRC on the topic so far. */
    protected List<IngestionRequested> requestsFor(String isrc) {
        return requests().stream().filter(request -> request.getIsrc().equals(isrc)).toList();
    }

    /**
     * Waits until the scheduler has decided every record on its topics (its group's committed offsets are at
     * the end) and the relay has published every request it decided: after this, nothing more will arrive.
     */
    protected void awaitIdle() {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                kafka.groupCaughtUp(GROUP, Topics.TRACK_ADDED, Topics.TRACK_INDEXED) && unpublishedRequests() == 0);
    }

    protected long unpublishedRequests() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM isrc_ledger WHERE state = 'REQUESTED' AND published_at IS NULL", Long.class);
    }

    protected Map<String, Object> ledgerRow(String isrc) {
        return jdbc.queryForList("SELECT * FROM isrc_ledger WHERE isrc = ?", isrc).stream().findFirst().orElse(null);
    }
}
