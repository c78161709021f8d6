package org.waypoint.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

class WaypointDirectoryAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WaypointDirectoryAutoConfiguration.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void aServiceThatDoesNotTurnItOnGetsNoDirectoryEvenWithPeopleConfigured() {
        // as notification-service, which binds waypoint.directory.* itself, and every other service
        runner.withPropertyValues("waypoint.directory.source=keycloak", "waypoint.directory.people[0].username=jamie.lead")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Directory.class);
                    assertThat(context).doesNotHaveBean(DirectoryProperties.class);
                });
    }

    @Test
    void turnedOnItReadsThePeopleOfTheConfigurationByDefault() {
        runner.withPropertyValues("waypoint.directory.enabled=true",
                        "waypoint.directory.people[0].username=jamie.lead", "waypoint.directory.people[0].name=Jamie Wilson",
                        "waypoint.directory.people[0].email=jamie.wilson@waypoint.example",
                        "waypoint.directory.people[0].manager=sarah.manager",
                        "waypoint.directory.people[0].service-areas[0]=Children and Justice",
                        "waypoint.directory.people[1].username=sarah.manager", "waypoint.directory.people[1].name=Sarah Campbell")
                .run(context -> {
                    Directory directory = context.getBean(Directory.class);
                    assertThat(directory).isInstanceOf(ConfiguredDirectory.class);
                    assertThat(directory.byUsername("jamie.lead")).contains(new Person("jamie.lead", "Jamie Wilson",
                            "jamie.wilson@waypoint.example", "sarah.manager", java.util.List.of("Children and Justice")));
                    assertThat(directory.managers()).extracting(Person::username).containsExactly("sarah.manager");
                });
    }

    @Test
    void fromKeycloakItUsesTheServicesRetryAndCircuitBreakerNamedDirectory() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        RetryRegistry retries = RetryRegistry.ofDefaults();
        runner.withBean(CircuitBreakerRegistry.class, () -> breakers).withBean(RetryRegistry.class, () -> retries)
                .withPropertyValues("waypoint.directory.enabled=true", "waypoint.directory.source=keycloak",
                        "waypoint.directory.keycloak.url=http://127.0.0.1:1", "waypoint.directory.keycloak.client-secret=s3cret")
                .run(context -> {
                    assertThat(context.getBean(Directory.class)).isInstanceOf(KeycloakDirectory.class);
                    assertThat(breakers.find(KeycloakAdminClient.RESILIENCE_NAME)).isPresent();
                    assertThat(retries.find(KeycloakAdminClient.RESILIENCE_NAME)).isPresent();
                });
    }

    @Test
    void fromKeycloakWithoutItsUrlOrSecretTheServiceDoesNotStart() {
        runner.withPropertyValues("waypoint.directory.enabled=true", "waypoint.directory.source=keycloak")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("waypoint.directory.keycloak.url and .client-secret"));
    }

    @Test
    void fromKeycloakWithoutResilience4jTheServiceDoesNotStart() {
        runner.withClassLoader(new FilteredClassLoader(CircuitBreakerRegistry.class))
                .withPropertyValues("waypoint.directory.enabled=true", "waypoint.directory.source=keycloak",
                        "waypoint.directory.keycloak.url=http://127.0.0.1:1", "waypoint.directory.keycloak.client-secret=s3cret")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("Resilience4j"));
    }

    @Test
    void aSourceThatIsNeitherConfiguredNorKeycloakIsRefused() {
        runner.withPropertyValues("waypoint.directory.enabled=true", "waypoint.directory.source=ldap")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("must be configured or keycloak, not ldap"));
    }
}
