package io.novatune.discovery.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document served at {@code /v3/api-docs}; a copy is checked in under {@code docs/api/}. */
@Configuration
public class OpenApiConfig {

    @Bean
    OpenAPI discoveryServiceDocument() {
        return new OpenAPI()
                .info(new Info()
                        .title("NovaTune discovery-service")
                        .version("v1")
                        .description("DJ tracklists, parsed entry by entry, their entries identified against the user's catalog, MusicBrainz and Discogs, and the catalog of discovered tracks. Errors are RFC 7807 application/problem+json."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
