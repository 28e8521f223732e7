package io.novatune.archiver;

import org.apache.avro.specific.SpecificRecord;
import io.novatune.events.ArchiveFailed;
import io.novatune.events.TrackArchived;
import io.novatune.events.Topics;
import io.novatune.testsupport.storage.TestStorage;
import io.novatune.testsupport.kafka.ReceivedRecord;
import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.infra.S3Server;
import io.novatune.infra.standin.ProviderStandIn;
import io.novatune.standin.TestNames;
import io.novatune.standin.TestResolverConfig;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;

/**
 * The archiver on this JVM's Kafka and S3Proxy, fetching from the provider stand-in on loopback (allowed for it
 * alone: 127.0.0.1/32). Retries wait milliseconds and a stalled provider is given up on after one second. Every
 * test class shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@AutoConfigureMetrics
@AutoConfigureTracing
@Import(TestResolverConfig.class)
public abstract class ArchiverIntegrationTest {

    public static final String PROVIDER = "standin";
    public static final int MAX_COVER_BYTES = 1024 * 1024;

    protected final KafkaProbe kafka = KafkaProbe.shared();
    protected final TestStorage storage = TestStorage.shared();
    protected final ProviderStandIn provider = ProviderStandIn.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaProbe.shared().bootstrapServers());
        registry.add("novatune.kafka.retry.max-retries", () -> "1");
        registry.add("novatune.kafka.retry.initial-interval", () -> "100ms");
        S3Server s3 = TestStorage.shared().server();
        registry.add("novatune.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("novatune.s3.access-key", s3::accessKey);
        registry.add("novatune.s3.secret-key", s3::secretKey);
        registry.add("novatune.s3.region", s3::region);
        registry.add("novatune.s3.bucket", () -> TestStorage.BUCKET);
        registry.add("novatune.s3.part-size", () -> "5MB");
        registry.add("novatune.archiver.retry.interval", () -> "20ms");
        registry.add("novatune.archiver.max-size.cover", () -> MAX_COVER_BYTES + "B");
        registry.add("novatune.archiver.provider.allow-plain-http", () -> "true");
        registry.add("novatune.archiver.provider.allowed-networks[0]", () -> "127.0.0.1/32");
        registry.add("novatune.archiver.provider.read-timeout", () -> "1s");
        registry.add("novatune.archiver.provider.connect-timeout", () -> "1s");
        List<String> hosts = TestNames.allowListed();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i);
            registry.add("novatune.archiver.provider.hosts." + PROVIDER + "[" + i + "]", () -> host);
        }
    }

    /** The records on archive-results for this track, as they are (headers included). */
    protected List<ReceivedRecord> resultRecords(String trackId) {
        return kafka.records(Topics.ARCHIVE_RESULTS, trackId);
    }

    protected List<SpecificRecord> results(String trackId) {
        return kafka.events(Topics.ARCHIVE_RESULTS, trackId, SpecificRecord.class);
    }

    protected List<TrackArchived> archived(String trackId) {
        return kafka.events(Topics.ARCHIVE_RESULTS, trackId, TrackArchived.class);
    }

    protected List<ArchiveFailed> failed(String trackId) {
        return kafka.events(Topics.ARCHIVE_RESULTS, trackId, ArchiveFailed.class);
    }

    /** What went to archive-due's dead-letter topic under this key. */
    protected List<ReceivedRecord> deadLetters(String key) {
        return kafka.deadLetters(Topics.ARCHIVE_DUE, key);
    }
}
