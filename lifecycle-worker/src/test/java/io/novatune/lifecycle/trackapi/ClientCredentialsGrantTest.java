package io.novatune.lifecycle.trackapi;

import tools.jackson.databind.JsonNode;
import io.novatune.lifecycle.LifecycleIntegrationTest;
import io.novatune.testsupport.storage.TestStorage;
import io.novatune.lifecycle.TrackApiChild;
import io.novatune.lifecycle.orphans.OrphanSweep;
import io.novatune.lifecycle.orphans.OrphanSweepReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.novatune.lifecycle.TestEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker with the client registration {@code trackapi} configured, as in production: the identity provider's
 * token endpoint and track-api are loopback stand-ins that record what they receive. A {@code jwt-secret} is set
 * too, so these tests also show that the client registration takes precedence. A context of its own (other
 * properties, which a subclass of LifecycleIntegrationTest could not override), with its listeners and schedule
 * off, on the shared Kafka and S3Proxy; closed after this class.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@AutoConfigureTracing
@DirtiesContext
class ClientCredentialsGrantTest {

    private static final String CLIENT_ID = "lifecycle-worker";
    private static final String CLIENT_SECRET = "lifecycle-worker-client-secret";
    private static final String SCOPE = "tracks.internal";
    private static final String REGISTRATION = "spring.security.oauth2.client.registration.trackapi.";

    private static final IdentityProviderStandIn IDENTITY_PROVIDER = new IdentityProviderStandIn();
    private static final TrackApiStandIn TRACK_API = new TrackApiStandIn();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LifecycleIntegrationTest.infrastructure(registry);
        registry.add(REGISTRATION + "authorization-grant-type", () -> "client_credentials");
        registry.add(REGISTRATION + "client-id", () -> CLIENT_ID);
        registry.add(REGISTRATION + "client-secret", () -> CLIENT_SECRET);
        registry.add(REGISTRATION + "scope", () -> SCOPE);
        registry.add("spring.security.oauth2.client.provider.trackapi.token-uri", () -> IDENTITY_PROVIDER.tokenUri().toString());
        registry.add("novatune.track-api.base-url", () -> TRACK_API.baseUrl().toString());
        registry.add("novatune.track-api.jwt-secret", () -> TrackApiChild.JWT_SECRET);
        registry.add("novatune.orphans.safety-age", () -> LifecycleIntegrationTest.SAFETY_AGE.toMillis() + "ms");
        // Only what a test triggers reaches the stand-ins; and this context must not join the shared consumer group.
        registry.add("novatune.orphans.scheduled", () -> "false");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    private final TestStorage storage = TestStorage.shared();

    @Autowired
    TestRestTemplate http;

    @Autowired
    TrackApiReferences references;

    @Autowired
    OrphanSweep sweep;

    @Autowired
    OAuth2AuthorizedClientService authorizedClients;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void noTokenYet() {
        authorizedClients.removeAuthorizedClient(ClientCredentialsGrant.REGISTRATION_ID, ClientCredentialsGrant.PRINCIPAL.getName());
        IDENTITY_PROVIDER.reset();
        TRACK_API.reset();
    }

    @AfterAll
    static void stopStandIns() {
        IDENTITY_PROVIDER.close();
        TRACK_API.close();
    }

    @Test
    void the_call_to_track_api_carries_a_token_from_the_token_endpoint_and_the_next_call_reuses_it() {
        List<String> keys = List.of("audio/" + newId("user") + "/" + newId("track"));

        Set<String> first = references.referenced(keys);
        Set<String> second = references.referenced(keys);

        assertThat(first).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(second).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(TRACK_API.authorizations()).containsExactly("Bearer access-token-1", "Bearer access-token-1");
        assertThat(IDENTITY_PROVIDER.requests()).as("token requests").singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
            // client_secret_basic (RFC 6749 §2.3.1): id and secret form-encoded, then HTTP Basic.
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    (URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
                            + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.form()).isEqualTo(Map.of("grant_type", "client_credentials", "scope", SCOPE));
        });
    }

    @Test
    void a_token_within_the_clock_skew_of_its_expiry_is_replaced_by_a_new_one_from_the_token_endpoint() {
        // Spring renews a token 60 s (its clock skew) before it expires: one of 61 s is good for about a second.
        IDENTITY_PROVIDER.issuesTokensValidFor(Duration.ofSeconds(61));
        List<String> keys = List.of("audio/" + newId("user") + "/" + newId("track"));

        references.referenced(keys);
        Instant renewable = Instant.now().plusMillis(1_200);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(renewable));
        references.referenced(keys);

        assertThat(IDENTITY_PROVIDER.requests()).hasSize(2)
                .allSatisfy(request -> assertThat(request.form()).containsEntry("grant_type", "client_credentials"));
        assertThat(TRACK_API.authorizations()).containsExactly("Bearer access-token-1", "Bearer access-token-2");
    }

    @Test
    void a_token_endpoint_refusing_the_client_fails_the_sweep_with_a_clear_error_and_nothing_is_deleted() {
        IDENTITY_PROVIDER.refusesTheClient();
        String orphan = "audio/" + newId("user") + "/" + newId("failed-upload");
        storage.put(orphan, 100);
        Instant oldEnough = Instant.now().plus(LifecycleIntegrationTest.SAFETY_AGE).plusSeconds(1); // S3 keeps whole seconds
        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(oldEnough));

        OrphanSweepReport report = sweep.run("test");

        assertThat(report.status()).isEqualTo(OrphanSweepReport.Status.FAILED);
        assertThat(report.error())
                .contains("no access token for track-api from the identity provider's token endpoint "
                        + IDENTITY_PROVIDER.tokenUri())
                .contains("invalid_client");
        assertThat(report.deleted()).isZero();
        assertThat(storage.exists(orphan)).isTrue();
        assertThat(IDENTITY_PROVIDER.requests()).isNotEmpty();
        assertThat(TRACK_API.authorizations()).as("nothing reached track-api").isEmpty();
    }

    @Test
    void health_metrics_and_the_sweep_endpoint_still_answer_without_credentials() {
        ResponseEntity<JsonNode> health = http.getForEntity("/actuator/health", JsonNode.class);
        ResponseEntity<String> metrics = http.getForEntity("/actuator/prometheus", String.class);
        // Against the stand-in, which calls every key referenced: this sweep deletes nothing.
        ResponseEntity<JsonNode> sweepNow = http.postForEntity("/actuator/orphansweep", null, JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains("track_objects_deleted_total");
        assertThat(sweepNow.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sweepNow.getBody().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(sweepNow.getBody().get("deleted").asLong()).isZero();
        // Only the worker's own open chain: none of Boot's default ones, which would ask for a login.
        assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).containsExactly("openActuator");
    }
}
