package io.novatune.trackapi.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The local profile's token endpoint; the secret and the audience it signs with are platform's
 * {@link io.novatune.platform.security.JwtSettings}.
 *
 * @param devTokenTtl how long a token from {@code POST /api/v1/dev/token} is valid
 */
@ConfigurationProperties("novatune.security.jwt")
public record DevTokenProperties(@DefaultValue("12h") Duration devTokenTtl) {
}
