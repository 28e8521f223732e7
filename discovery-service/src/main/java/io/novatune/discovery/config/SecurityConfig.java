package io.novatune.discovery.config;

import io.novatune.platform.security.ApiSecurity;
import io.novatune.platform.security.JwtSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import tools.jackson.databind.ObjectMapper;

/** Every {@code /api/**} route needs a bearer JWT whose {@code sub} is the user. */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ObjectMapper json) {
        return ApiSecurity.bearerTokens(http, json)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/**", "/v3/api-docs/**").permitAll()
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
