package io.novatune.trackapi.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI 3 document served at {@code /v3/api-docs}; a copy is checked in under {@code docs/api/}. */
@Configuration
public class OpenApiConfig {

    static {
        // A merge patch is any JSON object, not the getters of Jackson's tree type.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OpenAPI trackApiDocument() {
        return new OpenAPI()
                .info(new Info()
                        .title("NovaTune track-api")
                        .version("v1")
                        .description("A user's library of tracks. Errors are RFC 7807 application/problem+json."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Hibernate Validator's {@code @URL} has an empty default regexp, which says nothing to a client. */
    @Bean
    OpenApiCustomizer withoutEmptyPatterns() {
        return document -> document.getComponents().getSchemas().values().forEach(OpenApiConfig::dropEmptyPatterns);
    }

    private static void dropEmptyPatterns(Schema<?> schema) {
        if ("".equals(schema.getPattern())) {
            schema.setPattern(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfig::dropEmptyPatterns);
        }
    }
}
