package io.novatune.trackapi.config;

import io.novatune.platform.problem.ProblemTypes;
import tools.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Every {@code /api/**} route needs a bearer JWT; {@code sub} is the user, claim {@code roles} may hold {@code admin}. */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ObjectMapper json) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/**", "/v3/api-docs/**").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/dev/token").permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("admin")
                        .pathMatchers("/api/v1/internal/**").hasRole("service")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaimToAuthorities()))
                        .authenticationEntryPoint((exchange, ex) -> writeProblem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Unauthorized", "A valid bearer token is required.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, ex) -> writeProblem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "Unauthorized", "A valid bearer token is required."))
                        .accessDeniedHandler((exchange, ex) -> writeProblem(exchange, json, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "You are not allowed to do this.")))
                .build();
    }

    /** Local profile and tests: tokens signed with a shared HS256 secret. */
    @Bean
    @ConditionalOnProperty("novatune.security.jwt.secret")
    ReactiveJwtDecoder hmacJwtDecoder(JwtProperties properties) {
        return NimbusReactiveJwtDecoder.withSecretKey(hmacKey(properties)).macAlgorithm(MacAlgorithm.HS256).build();
    }

    public static SecretKey hmacKey(JwtProperties properties) {
        return new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesClaimToAuthorities() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static Mono<Void> writeProblem(ServerWebExchange exchange, ObjectMapper json, HttpStatus status,
                                           String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.fromCallable(() -> json.writeValueAsBytes(problem))
                .map(bytes -> (DataBuffer) response.bufferFactory().wrap(bytes))
                .flatMap(buffer -> response.writeWith(Mono.just(buffer)));
    }
}
