package io.novatune.discovery.config;

import io.novatune.discovery.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import tools.jackson.databind.ObjectMapper;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/** Every {@code /api/**} route needs a bearer JWT whose {@code sub} is the user. */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ObjectMapper json) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> Problems.write(exchange, json,
                HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid bearer token is required.");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/**", "/v3/api-docs/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((exchange, ex) -> Problems.write(exchange, json, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "You are not allowed to do this.")))
                .build();
    }

    /** Local profile and tests: tokens signed with a shared HS256 secret. */
    @Bean
    @ConditionalOnProperty("novatune.security.jwt.secret")
    ReactiveJwtDecoder hmacJwtDecoder(JwtProperties properties) {
        var key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }
}
