package io.novatune.discovery;

import java.util.List;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.novatune.discovery.catalog.CatalogStore;
import io.novatune.infra.PostgresServer;
import io.novatune.infra.SharedInfrastructure;
import io.novatune.infra.standin.MusicDatabaseStandIn;
import io.novatune.testsupport.kafka.KafkaProbe;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Base of the tests that run discovery-service against this JVM's real PostgreSQL and Kafka; one context for all. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@AutoConfigureTracing
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class DiscoveryIntegrationTest {

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @Autowired
    protected CatalogStore store;

    public static final String DATABASE = "discovery_it";
    public static final String JWT_SECRET = "discovery-test-secret-discovery-test-secret-0123456789abcdef";
    /** MusicBrainz and Discogs for every test of this JVM, with their real rate limits. */
    public static final MusicDatabaseStandIn MUSIC_DATABASES = MusicDatabaseStandIn.start().withRecordedCatalog();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        database(registry, DATABASE);
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaProbe.shared().bootstrapServers());
        registry.add("novatune.discovery.musicbrainz.base-url", () -> MUSIC_DATABASES.musicBrainzUrl().toString());
        registry.add("novatune.discovery.discogs.base-url", () -> MUSIC_DATABASES.discogsUrl().toString());
        registry.add("novatune.discovery.discogs.token", () -> MusicDatabaseStandIn.DISCOGS_TOKEN);
        registry.add("novatune.discovery.jobs.lease", () -> "6s");
        registry.add("novatune.discovery.jobs.max-entries", () -> "40");
        registry.add("novatune.discovery.jobs.sweep-interval", () -> "500ms");
        registry.add("novatune.security.jwt.secret", () -> JWT_SECRET);
        registry.add("novatune.tracklists.max-content-size", () -> "64KB");
        registry.add("novatune.tracklists.max-entries", () -> "50");
    }

    /** The service's database: {@code name} on this JVM's PostgreSQL, created if need be. */
    public static void database(DynamicPropertyRegistry registry, String name) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(name);
        registry.add("novatune.database.host", postgres::host);
        registry.add("novatune.database.port", postgres::port);
        registry.add("novatune.database.name", () -> name);
        registry.add("novatune.database.username", postgres::username);
        registry.add("novatune.database.password", postgres::password);
    }

    /** A bearer token for {@code userId}, signed like the identity provider signs them. */
    public static String tokenFor(String userId) {
        var key = new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        var claims = JwtClaimsSet.builder().subject(userId).audience(List.of("novatune-api")).issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(1, ChronoUnit.HOURS)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
