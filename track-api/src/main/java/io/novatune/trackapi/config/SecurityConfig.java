package io.novatune.trackapi.config;

import io.novatune.platform.security.ApiSecurity;
import io.novatune.platform.security.JwtSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import tools.jackson.databind.ObjectMapper;

/** Every {@code /api/**} route but the signed playback links needs a bearer JWT; {@code sub} is the user, claim {@code roles} may hold {@code admin}. */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ObjectMapper json) {
        return ApiSecurity.bearerTokens(http, json)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/**", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/dev/token").permitAll()
                        // The link is the credential (signed, short-lived): an audio element sends no token.
                        .pathMatchers(HttpMethod.GET, "/api/v1/playback/*").permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("admin")
                        .pathMatchers("/api/v1/internal/**").hasRole("service")
                        .anyExchange().authenticated())
                .build();
    }

    /** Requests the firewall refuses answer 400 problem+json, as every error does. */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ObjectMapper json) {
        return ApiSecurity.rejectedAsProblem(json);
    }

    /** Local profile and tests: tokens signed with a shared HS256 secret. */
    @Bean
    @ConditionalOnProperty("novatune.security.jwt.secret")
    ReactiveJwtDecoder hmacJwtDecoder(JwtSettings settings, Environment environment) {
        return ApiSecurity.hmacDecoder(settings, environment);
    }
}
