package org.waypoint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.infra.RepositoryFiles.list;
import static org.waypoint.infra.RepositoryFiles.map;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The realm file docker-compose imports into Keycloak (infra/keycloak/waypoint-realm.json).
 * JSON is a subset of YAML, so SnakeYAML reads it without another dependency.
 */
class KeycloakRealmFileTest {

    private static final List<String> ROLES = List.of("staff", "manager", "performance-officer", "finance-officer", "auditor", "admin", "integrator");

    private Map<String, Object> realm;

    @BeforeEach
    void readRealm() {
        realm = RepositoryFiles.yamlMap(RepositoryFiles.file("infra/keycloak/waypoint-realm.json"));
    }

    @Test
    void definesTheWaypointRealm() {
        assertThat(realm.get("realm")).isEqualTo("waypoint");
        assertThat(realm.get("enabled")).isEqualTo(true);
    }

    @Test
    void definesThePortalAndCliClients() {
        assertThat(clients().keySet()).contains("waypoint-portal", "waypoint-cli");
    }

    @Test
    void definesTheApplicationRoles() {
        List<String> roles = list(map(realm.get("roles"), "roles").get("realm"), "realm roles").stream()
                .map(role -> String.valueOf(map(role, "role").get("name"))).toList();
        assertThat(roles).containsAll(ROLES);
    }

    @Test
    void everyDemoUserHasAnEmailAndAnApplicationRole() {
        List<Map<String, Object>> people = list(realm.get("users"), "users").stream().map(user -> map(user, "user"))
                .filter(user -> user.get("serviceAccountClientId") == null).toList();
        assertThat(people).as("demo users").isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> user : people) {
            String name = String.valueOf(user.get("username"));
            softly.assertThat(String.valueOf(user.get("email"))).as(name + " email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
            softly.assertThat(list(user.get("realmRoles"), name + " realmRoles")).as(name + " roles")
                    .containsAnyElementsOf(ROLES);
        }
        softly.assertAll();
    }

    @Test
    void tokensFromEveryClientThatCallsTheApisCarryWaypointsAudience() {
        for (String clientId : List.of("waypoint-portal", "waypoint-cli", "waypoint-integrator")) {
            List<Map<String, Object>> mappers = list(clients().get(clientId).get("protocolMappers"), clientId + " protocolMappers")
                    .stream().map(m -> map(m, "mapper")).toList();
            assertThat(mappers).as(clientId + " audience mapper").anySatisfy(mapper -> {
                assertThat(mapper.get("protocolMapper")).isEqualTo("oidc-audience-mapper");
                assertThat(map(mapper.get("config"), "config").get("included.custom.audience")).isEqualTo("waypoint-api");
                assertThat(map(mapper.get("config"), "config").get("access.token.claim")).isEqualTo("true");
            });
        }
    }

    @Test
    void notificationServiceReadsTheDirectoryWithAClientThatMayOnlyViewUsers() {
        Map<String, Object> client = clients().get("waypoint-notifications");
        assertThat(client).as("waypoint-notifications client").isNotNull();
        assertThat(client.get("serviceAccountsEnabled")).isEqualTo(true);
        assertThat(client.get("standardFlowEnabled")).isEqualTo(false);
        Map<String, Object> account = list(realm.get("users"), "users").stream().map(user -> map(user, "user"))
                .filter(user -> "waypoint-notifications".equals(user.get("serviceAccountClientId"))).findFirst().orElseThrow();
        assertThat(map(account.get("clientRoles"), "clientRoles"))
                .containsOnlyKeys("realm-management")
                .extractingByKey("realm-management").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("view-users");
        assertThat(list(account.get("realmRoles"), "realmRoles")).doesNotContainAnyElementsOf(ROLES);
    }

    @Test
    void thePortalClientRedirectsBackToTheGatewayPublishedByCompose() {
        Map<String, Object> portal = clients().get("waypoint-portal");
        assertThat(portal).as("waypoint-portal client").isNotNull();
        assertThat(list(portal.get("redirectUris"), "redirectUris")).map(String::valueOf)
                .anySatisfy(uri -> assertThat(uri).startsWith("http://localhost:8080/"));
    }

    @Test
    void composeGivesTheGatewayThePortalClientSecretOfTheRealmByDefault() {
        Map<String, Object> services = map(RepositoryFiles.yamlMap(RepositoryFiles.file("docker-compose.yml")).get("services"),
                "services");
        Object value = map(map(services.get("gateway"), "gateway").get("environment"), "gateway environment")
                .get("PORTAL_CLIENT_SECRET");
        assertThat(value).as("gateway PORTAL_CLIENT_SECRET").isNotNull();
        // Either a literal or ${VAR:-default}: the value compose uses when nothing overrides it.
        Matcher withDefault = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:-(.*)}").matcher(String.valueOf(value));
        String effective = withDefault.matches() ? withDefault.group(1) : String.valueOf(value);
        assertThat(effective).isEqualTo(clients().get("waypoint-portal").get("secret"));
    }

    private Map<String, Map<String, Object>> clients() {
        return list(realm.get("clients"), "clients").stream().map(client -> map(client, "client"))
                .collect(Collectors.toMap(client -> String.valueOf(client.get("clientId")), client -> client,
                        (first, second) -> first, java.util.LinkedHashMap::new));
    }
}
