package io.novatune.lifecycle.trackapi;

import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which credentials the sweep presents to track-api, by what is configured: first configured first. */
class TrackApiCredentialsPrecedenceTest {

    private static final String TOKEN = "a-token-from-the-identity-provider";
    private static final String SECRET = "a-shared-hs256-secret-of-at-least-32-bytes";

    @Test
    void a_client_registration_wins_over_a_token_and_a_jwt_secret() {
        TrackApiCredentials credentials = chosen(properties(TOKEN, SECRET), registration(AuthorizationGrantType.CLIENT_CREDENTIALS));

        assertThat(credentials).isInstanceOf(ClientCredentialsGrant.class);
    }

    @Test
    void without_a_client_registration_a_token_wins_over_the_jwt_secret() {
        assertThat(chosen(properties(TOKEN, SECRET), null)).isInstanceOf(StaticBearerToken.class);
    }

    @Test
    void with_only_the_jwt_secret_the_worker_signs_its_own_token() {
        assertThat(chosen(properties(null, SECRET), null)).isInstanceOf(SelfSignedServiceToken.class);
    }

    @Test
    void with_no_credentials_the_worker_starts_and_each_call_to_track_api_fails_saying_what_to_configure() {
        TrackApiProperties nothing = properties(" ", "");
        TrackApiCredentials credentials = chosen(nothing, null);
        TrackApiReferences references = new TrackApiReferences(RestClient.builder(), nothing, credentials);

        assertThat(credentials).isInstanceOf(MissingCredentials.class);
        assertThatThrownBy(() -> references.referenced(List.of("audio/user/track")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.client.registration.trackapi")
                .hasMessageContaining("novatune.track-api.token")
                .hasMessageContaining("novatune.track-api.jwt-secret");
    }

    @Test
    void a_trackapi_client_registration_with_another_grant_type_is_refused_at_startup() {
        assertThatThrownBy(() -> chosen(properties(null, null), registration(AuthorizationGrantType.JWT_BEARER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client_credentials");
    }

    private static TrackApiCredentials chosen(TrackApiProperties properties, ClientRegistration registration) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (registration != null) {
            InMemoryClientRegistrationRepository repository = new InMemoryClientRegistrationRepository(registration);
            beans.addBean("clientRegistrationRepository", repository);
            beans.addBean("authorizedClientService", new InMemoryOAuth2AuthorizedClientService(repository));
        }
        return new TrackApiCredentialsConfiguration().trackApiCredentials(properties,
                beans.getBeanProvider(ClientRegistrationRepository.class),
                beans.getBeanProvider(OAuth2AuthorizedClientService.class),
                RestClient.builder(), new ObjectMapper(), Clock.systemUTC());
    }

    private static TrackApiProperties properties(String token, String jwtSecret) {
        return new TrackApiProperties(URI.create("http://127.0.0.1:1"), token, jwtSecret, Duration.ofSeconds(1));
    }

    private static ClientRegistration registration(AuthorizationGrantType grant) {
        return ClientRegistration.withRegistrationId(ClientCredentialsGrant.REGISTRATION_ID)
                .authorizationGrantType(grant)
                .clientId("lifecycle-worker")
                .clientSecret("a-client-secret")
                .tokenUri("https://idp.example.com/oauth2/token")
                .build();
    }
}
