package io.novatune.lifecycle.trackapi;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

import java.io.IOException;

/**
 * Production: the OAuth 2.0 client-credentials grant with Spring Security's client registration
 * {@value #REGISTRATION_ID}. The access token is fetched from the identity provider's token endpoint on first use,
 * kept in the {@link OAuth2AuthorizedClientService}, and fetched anew once it is within a minute of expiring
 * (Spring's default clock skew) or after track-api answered 401 (a 403 keeps it: the token is valid, its roles
 * are not). A scheduled sweep has no request, so the manager is the service-based one, not the one tied to a
 * servlet request.
 */
public final class ClientCredentialsGrant implements TrackApiCredentials {

    /** Without a hyphen: an environment variable cannot spell one into a map key (SPRING_..._REGISTRATION_TRACKAPI_...). */
    public static final String REGISTRATION_ID = "trackapi";

    /** The token is this service's, whoever triggered the sweep (the schedule, an operator): one cached token. */
    static final Authentication PRINCIPAL = new AnonymousAuthenticationToken("lifecycle-worker", "lifecycle-worker",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private final OAuth2ClientHttpRequestInterceptor interceptor;
    private final String tokenUri;

    /**
     * @param tokenEndpoint how the token request is sent (timeouts, tracing); its converters and error handling are
     *                      replaced by the ones the token endpoint's protocol needs
     */
    ClientCredentialsGrant(ClientRegistration registration, ClientRegistrationRepository registrations,
                           OAuth2AuthorizedClientService authorizedClients, RestClient.Builder tokenEndpoint) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(registration.getAuthorizationGrantType())) {
            throw new IllegalStateException("the client registration " + REGISTRATION_ID
                    + " must have authorization-grant-type client_credentials, not "
                    + registration.getAuthorizationGrantType().getValue());
        }
        this.tokenUri = registration.getProviderDetails().getTokenUri();
        RestClientClientCredentialsTokenResponseClient tokenResponses = new RestClientClientCredentialsTokenResponseClient();
        tokenResponses.setRestClient(tokenEndpoint
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(grant -> grant.accessTokenResponseClient(tokenResponses))
                .build());
        this.interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        interceptor.setPrincipalResolver(request -> PRINCIPAL);
        // A token track-api refuses (revoked, signing key rotated) is dropped, so the next sweep fetches a new one.
        interceptor.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        try {
            return interceptor.intercept(request, body, execution);
        } catch (OAuth2AuthorizationException e) {
            // Spring's message alone ("[invalid_client] …") does not say which call failed; the sweep report should.
            throw new IllegalStateException("no access token for track-api from the identity provider's token endpoint "
                    + tokenUri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "OAuth 2.0 client credentials (client registration " + REGISTRATION_ID + ", token endpoint " + tokenUri + ")";
    }
}
