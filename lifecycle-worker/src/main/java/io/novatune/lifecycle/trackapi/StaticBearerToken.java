package io.novatune.lifecycle.trackapi;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;

/** A fixed bearer token ({@code novatune.track-api.token}). Nothing renews it: once it expires, every sweep fails. */
public final class StaticBearerToken implements TrackApiCredentials {

    private final String token;

    public StaticBearerToken(String token) {
        this.token = token;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        request.getHeaders().setBearerAuth(token);
        return execution.execute(request, body);
    }

    @Override
    public String description() {
        return "static bearer token (novatune.track-api.token)";
    }
}
