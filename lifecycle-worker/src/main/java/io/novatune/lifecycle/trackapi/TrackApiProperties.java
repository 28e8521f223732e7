package io.novatune.lifecycle.trackapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * How the orphan sweep reaches track-api's {@code POST /api/v1/internal/objects/referenced} (role {@code service}).
 * Its credentials, first configured first (docs/adr/0008-orphan-sweep.md):
 * <ol>
 *   <li>the OAuth 2.0 client-credentials grant (production): Spring Security's client registration {@code trackapi},
 *       {@code spring.security.oauth2.client.registration.trackapi.*} (client-id, client-secret,
 *       {@code authorization-grant-type: client_credentials}, optional scope) and
 *       {@code spring.security.oauth2.client.provider.trackapi.token-uri}. The worker fetches an access token from
 *       the identity provider, keeps it, and fetches a new one a minute before it expires. The id has no hyphen so
 *       that environment variables can name it ({@code SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACKAPI_CLIENT_ID});
 *       see {@link ClientCredentialsGrant};</li>
 *   <li>{@code token}: a fixed bearer token, which nothing renews;</li>
 *   <li>{@code jwtSecret} (local stack, tests).</li>
 * </ol>
 * With none of them the sweep fails closed: every sweep fails and deletes nothing.
 *
 * @param baseUrl   track-api's base URL
 * @param token     a bearer token with role {@code service} issued to this service, if given and no client
 *                  registration is configured; it expires and is not renewed
 * @param jwtSecret otherwise, the HS256 secret track-api verifies tokens with (local stack, tests): this service
 *                  signs its own short-lived token with subject {@code lifecycle-worker} and role {@code service}
 * @param timeout   connect and read timeout of one request, to track-api and to the token endpoint alike
 */
@ConfigurationProperties("novatune.track-api")
public record TrackApiProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        String token,
        String jwtSecret,
        @DefaultValue("10s") Duration timeout) {

    /** Requests that give up after {@link #timeout()}: a hung peer must not hang the sweep. */
    ClientHttpRequestFactory requestFactory() {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        return requests;
    }
}
