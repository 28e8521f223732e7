package io.novatune.lifecycle.orphans;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * How the orphan sweep reaches track-api's {@code POST /api/v1/internal/objects/referenced} (role {@code service}).
 *
 * @param baseUrl   track-api's base URL
 * @param token     a bearer token issued to this service by the identity provider (production), if given
 * @param jwtSecret otherwise, the HS256 secret track-api verifies tokens with (local stack, tests): this service
 *                  signs its own short-lived token with subject {@code lifecycle-worker} and role {@code service}
 * @param timeout   connect and read timeout of one request
 */
@ConfigurationProperties("novatune.track-api")
public record TrackApiProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        String token,
        String jwtSecret,
        @DefaultValue("10s") Duration timeout) {
}
