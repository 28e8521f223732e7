package io.novatune.lifecycle.trackapi;

import tools.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;

import java.time.Clock;

/**
 * Chooses the sweep's credentials towards track-api, first configured first: the client registration
 * {@value ClientCredentialsGrant#REGISTRATION_ID} (Spring Boot builds its repository from
 * {@code spring.security.oauth2.client.*}), then {@code novatune.track-api.token}, then
 * {@code novatune.track-api.jwt-secret}.
 */
@Configuration(proxyBeanMethods = false)
public class TrackApiCredentialsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrackApiCredentialsConfiguration.class);

    @Bean
    TrackApiCredentials trackApiCredentials(TrackApiProperties properties,
                                            ObjectProvider<ClientRegistrationRepository> registrations,
                                            ObjectProvider<OAuth2AuthorizedClientService> authorizedClients,
                                            RestClient.Builder http, ObjectMapper json, Clock clock) {
        TrackApiCredentials credentials;
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        ClientRegistration registration = repository == null ? null
                : repository.findByRegistrationId(ClientCredentialsGrant.REGISTRATION_ID);
        if (registration != null) {
            credentials = new ClientCredentialsGrant(registration, repository,
                    authorizedClients.getIfAvailable(() -> new InMemoryOAuth2AuthorizedClientService(repository)),
                    http.clone().requestFactory(properties.requestFactory()));
        } else if (StringUtils.hasText(properties.token())) {
            credentials = new StaticBearerToken(properties.token());
        } else if (StringUtils.hasText(properties.jwtSecret())) {
            credentials = new SelfSignedServiceToken(properties.jwtSecret(), json, clock);
        } else {
            credentials = new MissingCredentials();
        }
        log.atInfo().addKeyValue("credentials", credentials.description()).log("orphan sweep credentials for track-api");
        return credentials;
    }
}
