package io.novatune.lifecycle.trackapi;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * How the sweep's requests prove to track-api that they come from this service (role {@code service}). One of
 * these is chosen at startup by what is configured ({@link TrackApiProperties}, {@link TrackApiCredentialsConfiguration}).
 */
public sealed interface TrackApiCredentials extends ClientHttpRequestInterceptor
        permits ClientCredentialsGrant, StaticBearerToken, SelfSignedServiceToken, MissingCredentials {

    /** Which kind of credentials, for the startup log; never a secret. */
    String description();
}
