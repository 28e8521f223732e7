package io.novatune.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret   HS256 secret for the local profile and tests; production leaves it empty and sets
 *                 {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}
 * @param audience the {@code aud} every token must carry: tokens the issuer grants to other clients are refused
 */
@ConfigurationProperties("novatune.security.jwt")
public record JwtSettings(String secret, @DefaultValue("novatune-api") String audience) {
}
