package io.novatune.trackapi;

import org.springframework.r2dbc.core.DatabaseClient;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests of the due-timers and the consumers of the other services' results: the same
 * real PostgreSQL, Kafka and relay, with a grace period of seconds and a sweep every 200 ms, over
 * a database and consumer group of its own so that the timers of other contexts never touch its
 * rows. Every subclass shares this one context, in a surefire run (and JVM) of its own: two
 * embedded relays in one JVM collide on Debezium's JMX names (see track-api's pom).
 */
@Tag(TimerFlowIntegrationTest.TAG)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "novatune.tracks.deletion-grace-period=2s",
        "novatune.tracks.archive-delay=1s",
        "novatune.timers.interval=200ms",
        "novatune.purge.resend-after=1s",
        "novatune.purge.max-attempts=3",
        "novatune.archive.lease=1h",
        "novatune.archive.retry-backoff=1s"})
@AutoConfigureTracing
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class TimerFlowIntegrationTest {

    public static final String TAG = "timer-flow";
    public static final String DATABASE = "tracks_timers_it";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TrackApiIntegrationTest.registerInfrastructure(registry, DATABASE);
    }

    /** Publishes the other services' results onto Kafka as they would. */
    protected final KafkaProbe kafka = KafkaProbe.shared();

    /** Whether track-api recorded the event as processed (its inbox, {@code processed_events}). */
    protected static boolean processed(DatabaseClient db, String eventId) {
        return Boolean.TRUE.equals(db.sql("SELECT exists(SELECT 1 FROM processed_events WHERE event_id = :id) AS seen")
                .bind("id", eventId).map(row -> row.get("seen", Boolean.class)).one().block());
    }
}
