package io.novatune.trackapi;

import io.novatune.testsupport.kafka.KafkaProbe;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.S3Server;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.infra.standin.TidalStandIn;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * Base of the tests that run track-api against the real PostgreSQL, Kafka, S3Proxy and Debezium of
 * this JVM. Every subclass shares one application context, one database and one relay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@AutoConfigureTracing
// The first request of a context initialises validation, security and codecs: on a busy 2-core
// machine that can outlast WebTestClient's default 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class TrackApiIntegrationTest {

    public static final String DATABASE = "tracks_it";
    public static final String BUCKET = "tracks-it";
    public static final String MAX_FILE_SIZE = "16MB";
    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-test-secret-0123456789abcdef";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registerInfrastructure(registry, DATABASE);
        // A provider with an allow-list (ProviderLinkValidationTest); every other provider may link to any public host.
        registry.add("novatune.archive.provider.hosts.mureka[0]", () -> ALLOW_LISTED_HOST);
    }

    public static final String ALLOW_LISTED_HOST = "cdn.mureka.example";

    /** Points a context at its own database (and relay slot) on the shared servers. */
    public static void registerInfrastructure(DynamicPropertyRegistry registry, String database) {
        PostgresServer postgres = startPostgres(database);
        registry.add("novatune.database.host", postgres::host);
        registry.add("novatune.database.port", postgres::port);
        registry.add("novatune.database.name", () -> database);
        registry.add("novatune.database.username", postgres::username);
        registry.add("novatune.database.password", postgres::password);
        registry.add("novatune.relay.slot-name", () -> database);
        registry.add("novatune.relay.offset-topic", () -> database + "-relay-offsets");
        registry.add("spring.kafka.bootstrap-servers", TrackApiIntegrationTest::kafka);
        // A consumer group per database: contexts over other databases must not take this one's partitions.
        registry.add("spring.kafka.consumer.group-id", () -> "track-api-" + database);
        registry.add("novatune.security.jwt.secret", () -> JWT_SECRET);
        S3Server s3 = SharedInfrastructure.s3();
        registry.add("novatune.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("novatune.s3.access-key", s3::accessKey);
        registry.add("novatune.s3.secret-key", s3::secretKey);
        registry.add("novatune.s3.region", s3::region);
        registry.add("novatune.s3.bucket", () -> BUCKET);
        registry.add("novatune.s3.create-bucket", () -> "true");
        // Small limits, so that multipart uploads and their limits are exercised with files of a few MiB.
        registry.add("novatune.s3.part-size", () -> "5MB");
        registry.add("novatune.uploads.max-file-size", () -> MAX_FILE_SIZE);
        registerCatalog(registry);
    }

    /** The TIDAL adapter on the shared stand-in, with short waits between retries. */
    public static void registerCatalog(DynamicPropertyRegistry registry) {
        TidalStandIn tidal = SharedInfrastructure.tidal();
        registry.add("novatune.catalog.tidal.api-url", () -> tidal.apiUrl().toString());
        registry.add("novatune.catalog.tidal.token-url", () -> tidal.tokenUrl().toString());
        registry.add("novatune.catalog.tidal.client-id", () -> TidalStandIn.CLIENT_ID);
        registry.add("novatune.catalog.tidal.client-secret", () -> TidalStandIn.CLIENT_SECRET);
        registry.add("novatune.catalog.tidal.country-code", () -> "NO");
        registry.add("novatune.catalog.tidal.retry-wait", () -> "50ms");
        registry.add("novatune.catalog.tidal.max-retry-after", () -> "3s");
    }

    public static PostgresServer startPostgres(String database) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(database);
        return postgres;
    }

    /** The shared broker, with every topic of the contract and its dead-letter topic. */
    public static String kafka() {
        return KafkaProbe.shared().bootstrapServers();
    }
}
