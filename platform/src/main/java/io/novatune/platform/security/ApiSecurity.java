package io.novatune.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.novatune.platform.problem.ExchangeProblems;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import tools.jackson.databind.ObjectMapper;

/**
 * What every NovaTune API's security shares: stateless bearer JWTs ({@code sub} = the user, claim {@code roles}
 * → {@code ROLE_<role>}), no sessions, basic or form login, and 401/403 answered as problem+json. A service adds
 * its routes to the {@link ServerHttpSecurity} this returns.
 */
public final class ApiSecurity {

    private static final List<String> PRODUCTION_ISSUER_PROPERTIES = List.of(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri");

    static final String MALFORMED_REQUEST_TYPE = "malformed-request";
    static final String MALFORMED_REQUEST_TITLE = "Malformed request";
    static final String MALFORMED_REQUEST_DETAIL = "The request's path, headers or parameters are malformed.";

    private ApiSecurity() {
    }

    public static ServerHttpSecurity bearerTokens(ServerHttpSecurity http, ObjectMapper json) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> ExchangeProblems.write(exchange, json,
                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer token is required.");
        ServerAccessDeniedHandler forbidden = (exchange, ex) -> ExchangeProblems.write(exchange, json,
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You are not allowed to do this.");
        return http
                // Stateless: without these, every request asks for a WebSession (a SecureRandom id made on
                // boundedElastic, then back on parallel: two thread hops per request) that is never used.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaimToAuthorities()))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
    }

    /**
     * A request the security firewall refuses before any route (NUL or an encoded slash in the path, a malformed
     * header or parameter name): 400 as a problem, like every other error answer, instead of an empty body.
     */
    public static ServerExchangeRejectedHandler rejectedAsProblem(ObjectMapper json) {
        return (exchange, rejected) -> ExchangeProblems.write(exchange, json, HttpStatus.BAD_REQUEST,
                MALFORMED_REQUEST_TYPE, MALFORMED_REQUEST_TITLE, MALFORMED_REQUEST_DETAIL);
    }

    /**
     * The local profile's and the tests' decoder: tokens signed with a shared HS256 secret, with an expiry and
     * the configured audience. Refuses to exist next to a production issuer: a forgotten secret must not open a
     * second way in beside the identity provider.
     */
    public static ReactiveJwtDecoder hmacDecoder(JwtSettings settings, Environment environment) {
        List<String> production = PRODUCTION_ISSUER_PROPERTIES.stream().filter(environment::containsProperty).toList();
        if (!production.isEmpty()) {
            throw new IllegalStateException("novatune.security.jwt.secret (HS256 tokens for the local profile and tests) "
                    + "is set together with " + String.join(" and ", production)
                    + ": remove the secret where the identity provider issues the tokens");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(hmacKey(settings.secret()))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(settings.audience()))));
        return decoder;
    }

    public static SecretKey hmacKey(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesClaimToAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
