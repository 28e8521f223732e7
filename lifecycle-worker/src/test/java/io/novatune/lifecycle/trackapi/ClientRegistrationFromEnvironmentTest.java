package io.novatune.lifecycle.trackapi;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the runbook and the Kubernetes manifests give an operator make the client registration
 * the worker looks for, through Spring Boot's relaxed binding as the application does it.
 */
class ClientRegistrationFromEnvironmentTest {

    @Test
    void the_documented_environment_variables_make_the_trackapi_client_registration() {
        Map<String, ClientRegistration> registrations = registrationsFrom(Map.of(
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACKAPI_AUTHORIZATION_GRANT_TYPE", "client_credentials",
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACKAPI_CLIENT_ID", "lifecycle-worker",
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACKAPI_CLIENT_SECRET", "a-secret",
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACKAPI_SCOPE", "tracks.internal",
                "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TRACKAPI_TOKEN_URI", "https://idp.example.com/oauth2/token"));

        assertThat(registrations).containsOnlyKeys(ClientCredentialsGrant.REGISTRATION_ID);
        ClientRegistration registration = registrations.get(ClientCredentialsGrant.REGISTRATION_ID);
        assertThat(registration.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(registration.getClientId()).isEqualTo("lifecycle-worker");
        assertThat(registration.getClientSecret()).isEqualTo("a-secret");
        assertThat(registration.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(registration.getScopes()).containsExactly("tracks.internal");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo("https://idp.example.com/oauth2/token");
    }

    @Test
    void environment_variables_for_a_hyphenated_registration_id_bind_nothing_which_is_why_the_id_is_trackapi() {
        Map<String, ClientRegistration> registrations = registrationsFrom(Map.of(
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACK_API_AUTHORIZATION_GRANT_TYPE", "client_credentials",
                "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_TRACK_API_CLIENT_ID", "lifecycle-worker",
                "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_TRACK_API_TOKEN_URI", "https://idp.example.com/oauth2/token"));

        // Silently: the worker would start with no client registration and fall back to the next credentials.
        assertThat(registrations).isEmpty();
    }

    private static Map<String, ClientRegistration> registrationsFrom(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        OAuth2ClientProperties properties = new Binder(ConfigurationPropertySources.from(source))
                .bindOrCreate("spring.security.oauth2.client", OAuth2ClientProperties.class);
        properties.validate();
        return new OAuth2ClientPropertiesMapper(properties).asClientRegistrations();
    }
}
