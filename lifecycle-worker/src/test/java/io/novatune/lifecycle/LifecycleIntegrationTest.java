package io.novatune.lifecycle;

import java.util.List;
import io.novatune.events.TrackPurged;
import io.novatune.events.Topics;
import io.novatune.testsupport.kafka.ReceivedRecord;
import io.novatune.testsupport.storage.TestStorage;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

/**
 * Base of the tests that run the worker against this JVM's real Kafka and S3Proxy (and track-api as a child
 * process where the flow crosses it). Every subclass shares one application context, so one consumer in the
 * group; tests keep apart through track and user ids of their own.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@AutoConfigureTracing
public abstract class LifecycleIntegrationTest {

    /** The sweep's safety age here: seconds, so an "old" object is one the test waited a moment for. */
    public static final Duration SAFETY_AGE = Duration.ofSeconds(3);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        infrastructure(registry);
        registry.add("novatune.track-api.base-url", () -> TrackApiChild.baseUrl().toString());
        registry.add("novatune.track-api.jwt-secret", () -> TrackApiChild.JWT_SECRET);
        registry.add("novatune.orphans.initial-delay", () -> "0s");
        registry.add("novatune.orphans.interval", () -> "1h");
        registry.add("novatune.orphans.safety-age", () -> SAFETY_AGE.toMillis() + "ms");
    }

    /**
     * This JVM's Kafka and S3Proxy, and retries short enough for the outage tests. Also for a test that needs a
     * context of its own: properties registered here, in a superclass, would win over the test's own.
     */
    public static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaProbe.shared().bootstrapServers());
        TestStorage storage = TestStorage.shared();
        registry.add("novatune.s3.endpoint", () -> storage.server().endpoint().toString());
        registry.add("novatune.s3.access-key", () -> storage.server().accessKey());
        registry.add("novatune.s3.secret-key", () -> storage.server().secretKey());
        registry.add("novatune.s3.region", () -> storage.server().region());
        registry.add("novatune.s3.bucket", () -> TestStorage.BUCKET);
        // About ten seconds of retries instead of two minutes, so the outage tests see both outcomes quickly.
        registry.add("novatune.kafka.retry.max-retries", () -> "8");
        registry.add("novatune.kafka.retry.initial-interval", () -> "200ms");
        registry.add("novatune.kafka.retry.max-interval", () -> "1s");
    }

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected TestRestTemplate http;

    protected final KafkaProbe kafka = KafkaProbe.shared();

    protected final TestStorage storage = TestStorage.shared();

    /** Every {@code TrackPurged} published for this track so far, in order. */
    protected List<TrackPurged> purged(String trackId) {
        return kafka.events(Topics.TRACK_PURGED, trackId, TrackPurged.class);
    }

    /** What went to track-deleted's dead-letter topic under this key. */
    protected List<ReceivedRecord> deadLetters(String key) {
        return kafka.deadLetters(Topics.TRACK_DELETED, key);
    }

    /** A counter's value now; 0 when it was never registered. */
    protected double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
