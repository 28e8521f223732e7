package io.novatune.trackapi.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param secret      HS256 secret for the local profile and tests; production leaves it empty and
 *                    sets {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}
 * @param devTokenTtl how long a token from {@code POST /api/v1/dev/token} is valid
 */
@ConfigurationProperties("novatune.security.jwt")
public record JwtProperties(String secret, @DefaultValue("12h") Duration devTokenTtl) {
}
