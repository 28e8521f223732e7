package io.novatune.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.session.DefaultWebSessionManager;
import tools.jackson.databind.ObjectMapper;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiSecurityTest {

    private static final String SECRET = "platform-test-secret-platform-test-secret-0123456789";
    private static final JwtSettings SETTINGS = new JwtSettings(SECRET, "novatune-api");

    private final ReactiveJwtDecoder decoder = ApiSecurity.hmacDecoder(SETTINGS, new MockEnvironment());

    @Test
    void a_token_for_our_audience_with_an_expiry_is_accepted_with_its_subject() {
        String token = sign(claims().build());

        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("user-1");
    }

    @Test
    void a_token_granted_to_another_client_is_refused() {
        String token = sign(claims().audience(List.of("some-other-app")).build());

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void a_token_without_an_audience_is_refused() {
        String token = sign(JwtClaimsSet.builder().subject("user-1").expiresAt(Instant.now().plusSeconds(600)).build());

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void a_token_that_never_expires_is_refused() {
        String token = sign(JwtClaimsSet.builder().subject("user-1").audience(List.of("novatune-api")).build());

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void an_expired_token_is_refused() {
        String token = sign(claims().issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).build());

        assertThatThrownBy(() -> decoder.decode(token).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void the_local_secret_next_to_a_production_issuer_stops_the_service_from_starting() {
        MockEnvironment production = new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://id.example.com/");

        assertThatThrownBy(() -> ApiSecurity.hmacDecoder(SETTINGS, production)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("novatune.security.jwt.secret")
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }

    @Test
    void requests_with_a_token_or_without_never_ask_for_a_web_session() {
        AtomicInteger sessionsAskedFor = new AtomicInteger();
        DefaultWebSessionManager sessions = new DefaultWebSessionManager();
        SecurityWebFilterChain chain = ApiSecurity.bearerTokens(ServerHttpSecurity.http(), new ObjectMapper())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.jwtDecoder(decoder)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
        WebTestClient client = WebTestClient.bindToWebHandler(exchange -> {
                    exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
                    return exchange.getResponse().setComplete();
                })
                .webFilter(new WebFilterChainProxy(chain))
                // Every exchange holds a lazy session Mono; only subscribing to it makes (or looks up) a session.
                .webSessionManager(exchange -> sessions.getSession(exchange)
                        .doOnSubscribe(subscription -> sessionsAskedFor.incrementAndGet()))
                .build();

        client.get().uri("/api/v1/tracks").headers(headers -> headers.setBearerAuth(sign(claims().build())))
                .exchange().expectStatus().isNoContent();
        client.get().uri("/api/v1/tracks").exchange().expectStatus().isUnauthorized();

        assertThat(sessionsAskedFor).hasValue(0);
    }

    private static JwtClaimsSet.Builder claims() {
        return JwtClaimsSet.builder().subject("user-1").audience(List.of("novatune-api"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600));
    }

    private static String sign(JwtClaimsSet claims) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(ApiSecurity.hmacKey(SECRET)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
