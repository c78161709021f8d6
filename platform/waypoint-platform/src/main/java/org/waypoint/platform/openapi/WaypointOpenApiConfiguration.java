package org.waypoint.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI document says which service it is (title, description) and that calls
 * need a Keycloak bearer token, so the gateway's one Swagger UI lists them by name.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class WaypointOpenApiConfiguration {

    static final String BEARER = "keycloak";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI waypointOpenApi(@Value("${springdoc.info.title:Waypoint ${spring.application.name:service}}") String title,
                            @Value("${springdoc.info.description:}") String description,
                            @Value("${springdoc.info.version:0.1.0}") String version) {
        return describe(title, description, version);
    }

    static OpenAPI describe(String title, String description, String version) {
        return new OpenAPI()
                .info(new Info().title(title).version(version)
                        .description(description.isBlank() ? null : description)
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from Keycloak's realm `waypoint`.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
