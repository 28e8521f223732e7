package io.novatune.lifecycle.trackapi;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

/**
 * None configured. The worker still starts, since purges do not need track-api; every sweep fails and deletes
 * nothing, saying why.
 */
public final class MissingCredentials implements TrackApiCredentials {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        throw new IllegalStateException("no credentials for track-api: configure the client registration "
                + ClientCredentialsGrant.REGISTRATION_ID + " (spring.security.oauth2.client.registration."
                + ClientCredentialsGrant.REGISTRATION_ID + ".*), or set novatune.track-api.token or"
                + " novatune.track-api.jwt-secret");
    }

    @Override
    public String description() {
        return "none: the orphan sweep cannot run";
    }
}
