package org.waypoint.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WaypointOpenApiConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WaypointOpenApiConfiguration.class));

    @Test
    void theDocumentIsTitledAfterTheServiceAndAsksForABearerToken() {
        runner.withPropertyValues("springdoc.info.title=Waypoint risk-service", "springdoc.info.description=Risk registers")
                .run(context -> {
                    OpenAPI api = context.getBean(OpenAPI.class);
                    assertThat(api.getInfo().getTitle()).isEqualTo("Waypoint risk-service");
                    assertThat(api.getInfo().getDescription()).isEqualTo("Risk registers");
                    assertThat(api.getComponents().getSecuritySchemes().get("keycloak").getType()).isEqualTo(SecurityScheme.Type.HTTP);
                    assertThat(api.getSecurity()).anySatisfy(requirement -> assertThat(requirement).containsKey("keycloak"));
                });
    }

    @Test
    void withoutATitleTheApplicationNameIsUsed() {
        runner.withPropertyValues("spring.application.name=budget-service")
                .run(context -> assertThat(context.getBean(OpenAPI.class).getInfo().getTitle()).isEqualTo("Waypoint budget-service"));
    }

    @Test
    void aServiceThatDescribesItselfKeepsItsOwnDocument() {
        runner.withUserConfiguration(OwnDocument.class)
                .run(context -> assertThat(context.getBean(OpenAPI.class).getInfo().getTitle()).isEqualTo("mine"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDocument {
        @Bean
        OpenAPI own() {
            return new OpenAPI().info(new Info().title("mine"));
        }
    }
}
