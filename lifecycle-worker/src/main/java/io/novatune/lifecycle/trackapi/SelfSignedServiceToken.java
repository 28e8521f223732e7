package io.novatune.lifecycle.trackapi;

import tools.jackson.databind.ObjectMapper;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Local stack and tests: a token this service signs itself with the HS256 secret track-api verifies
 * ({@code novatune.track-api.jwt-secret}), {@code sub=lifecycle-worker}, {@code aud=novatune-api}, {@code roles=[service]}, new per request.
 */
public final class SelfSignedServiceToken implements TrackApiCredentials {

    private static final String SUBJECT = "lifecycle-worker";
    /** track-api's default {@code novatune.security.jwt.audience}; only the local stack and tests sign their own. */
    private static final String AUDIENCE = "novatune-api";
    private static final Duration TTL = Duration.ofMinutes(5);

    private final String secret;
    private final ObjectMapper json;
    private final Clock clock;

    public SelfSignedServiceToken(String secret, ObjectMapper json, Clock clock) {
        this.secret = secret;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        request.getHeaders().setBearerAuth(
                ServiceToken.sign(secret, SUBJECT, AUDIENCE, List.of("service"), clock.instant(), TTL, json));
        return execution.execute(request, body);
    }

    @Override
    public String description() {
        return "self-signed HS256 token (novatune.track-api.jwt-secret)";
    }
}
