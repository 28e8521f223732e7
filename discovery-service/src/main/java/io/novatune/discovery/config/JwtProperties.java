package io.novatune.discovery.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret HS256 secret for the local profile and tests; production leaves it empty and sets
 *               {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}
 */
@ConfigurationProperties("novatune.security.jwt")
public record JwtProperties(String secret) {
}
