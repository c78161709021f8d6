package org.waypoint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.infra.RepositoryFiles.list;
import static org.waypoint.infra.RepositoryFiles.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads docker-compose.yml as data (no Docker needed) and checks that the platform it
 * describes is wired together: every service present, applications pointed at the
 * internal host names, start order gated on health, and builds that refer to real modules.
 */
class DockerComposeFileTest {

    /** Application name, its port and its own database. */
    private record App(String name, int port, String database) {
    }

    private static final List<App> APPS = List.of(
            new App("plan-service", 8081, "waypoint-plans"),
            new App("indicator-service", 8082, "waypoint-indicators"),
            new App("risk-service", 8083, "waypoint-risks"),
            new App("budget-service", 8084, "waypoint-budgets"),
            new App("notification-service", 8085, "waypoint-notifications"),
            new App("gateway", 8080, null));

    private static final List<String> BACKEND_SERVICES = APPS.stream()
            .map(App::name).filter(name -> !name.equals("gateway")).toList();

    private static final List<String> INFRASTRUCTURE = List.of("mongo", "kafka", "keycloak", "mailpit");

    private Path root;

    private Map<String, Object> compose;

    @BeforeEach
    void readComposeFile() {
        root = RepositoryFiles.root();
        compose = RepositoryFiles.yamlMap(RepositoryFiles.file("docker-compose.yml"));
    }

    @Test
    void declaresEveryInfrastructureAndApplicationService() {
        assertThat(services().keySet())
                .containsAll(INFRASTRUCTURE)
                .containsAll(APPS.stream().map(App::name).toList());
    }

    @Test
    void usesTheAgreedInfrastructureImages() {
        assertThat(service("mongo").get("image")).isEqualTo("mongo:8");
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:4.1.1");
        assertThat(service("keycloak").get("image")).isEqualTo("quay.io/keycloak/keycloak:26.5.6");
        assertThat(String.valueOf(service("mailpit").get("image"))).startsWith("axllent/mailpit");
    }

    @Test
    void mongoRunsAsAReplicaSetOfOneThatInitiatesItself() {
        Map<String, Object> mongo = service("mongo");
        assertThat(commandLine(mongo.get("command"))).containsSubsequence("--replSet", "rs0");
        String healthcheck = healthcheckCommand("mongo");
        assertThat(healthcheck)
                .as("the mongo healthcheck initiates rs0 with the member address the applications resolve")
                .contains("rs.initiate(")
                .contains("'rs0'")
                .contains("mongo:27017");
    }

    @Test
    void kafkaRunsInKRaftModeWithAListenerOnTheInternalNetwork() {
        Map<String, String> env = environment("kafka");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
        assertThat(env.get("KAFKA_LISTENERS")).contains(":9092");
        assertThat(env.get("KAFKA_CONTROLLER_LISTENER_NAMES")).isNotBlank();
        assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"))
                .as("a single broker cannot hold more than one replica").isEqualTo("1");
        assertThat(healthcheckCommand("kafka")).isNotBlank();
    }

    @Test
    void keycloakImportsTheRealmFromInfraKeycloakAndListensOn8180() {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(commandLine(keycloak.get("command"))).contains("start-dev", "--import-realm");
        assertThat(list(keycloak.get("volumes"), "keycloak volumes"))
                .map(String::valueOf)
                .anySatisfy(volume -> assertThat(volume).matches("\\./infra/keycloak:/opt/keycloak/data/import(:ro)?"));
        Map<String, String> env = environment("keycloak");
        assertThat(env).containsEntry("KC_HTTP_PORT", "8180")
                .containsEntry("KC_HOSTNAME", "http://localhost:8180")
                .containsEntry("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .containsEntry("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        assertThat(healthcheckCommand("keycloak")).isNotBlank();
    }

    @Test
    void everyApplicationListensOnItsOwnPortAndUsesItsOwnDatabaseOnTheReplicaSet() {
        SoftAssertions softly = new SoftAssertions();
        for (App app : APPS) {
            Map<String, String> env = environment(app.name());
            softly.assertThat(env.get("SERVER_PORT")).as(app.name() + " SERVER_PORT").isEqualTo(String.valueOf(app.port()));
            String uri = env.get("MONGODB_URI");
            softly.assertThat(uri).as(app.name() + " MONGODB_URI")
                    .isNotNull()
                    .startsWith("mongodb://mongo:27017/")
                    .contains("replicaSet=rs0");
            if (app.database() != null && uri != null) {
                softly.assertThat(uri).as(app.name() + " database")
                        .startsWith("mongodb://mongo:27017/" + app.database() + "?");
            }
        }
        softly.assertThat(APPS.stream().map(app -> environment(app.name()).get("MONGODB_URI")).distinct().count())
                .as("no two applications share a database").isEqualTo(APPS.size());
        softly.assertAll();
    }

    @Test
    void everyApplicationReachesKafkaKeycloakAndSmtpByTheirInternalAddresses() {
        String issuer = environment("keycloak").get("KC_HOSTNAME");
        String keycloakPort = environment("keycloak").get("KC_HTTP_PORT");
        SoftAssertions softly = new SoftAssertions();
        for (App app : APPS) {
            Map<String, String> env = environment(app.name());
            softly.assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(app.name() + " KAFKA_BOOTSTRAP_SERVERS")
                    .isEqualTo("kafka:9092");
            softly.assertThat(env.get("KEYCLOAK_URL")).as(app.name() + " KEYCLOAK_URL (the issuer the browser sees)")
                    .isEqualTo("http://localhost:8180")
                    .isEqualTo(issuer);
            softly.assertThat(env.get("KEYCLOAK_JWKS_URL")).as(app.name() + " KEYCLOAK_JWKS_URL")
                    .isEqualTo("http://keycloak:" + keycloakPort + "/realms/waypoint/protocol/openid-connect/certs");
            softly.assertThat(env.get("SMTP_HOST")).as(app.name() + " SMTP_HOST").isEqualTo("mailpit");
            softly.assertThat(env.get("SMTP_PORT")).as(app.name() + " SMTP_PORT").isEqualTo("1025");
        }
        softly.assertAll();
    }

    @Test
    void gatewayRoutesToEachServiceByItsInternalAddress() {
        Map<String, String> env = environment("gateway");
        SoftAssertions softly = new SoftAssertions();
        for (App app : APPS) {
            if (app.name().equals("gateway")) {
                continue;
            }
            String variable = app.name().replace("-service", "").toUpperCase() + "_SERVICE_URL";
            softly.assertThat(env.get(variable)).as("gateway " + variable)
                    .isEqualTo("http://" + app.name() + ":" + app.port());
        }
        softly.assertAll();
    }

    @Test
    void everyApplicationWaitsForHealthyMongoAndKafka() {
        SoftAssertions softly = new SoftAssertions();
        for (App app : APPS) {
            Map<String, String> dependsOn = dependsOn(app.name());
            softly.assertThat(dependsOn).as(app.name() + " depends_on")
                    .containsEntry("mongo", "service_healthy")
                    .containsEntry("kafka", "service_healthy");
        }
        softly.assertAll();
    }

    @Test
    void notificationServiceWaitsForMailpit() {
        assertThat(dependsOn("notification-service")).containsEntry("mailpit", "service_healthy");
    }

    @Test
    void gatewayWaitsForTheFiveServicesAndKeycloakToBeHealthy() {
        Map<String, String> dependsOn = dependsOn("gateway");
        for (String backend : BACKEND_SERVICES) {
            assertThat(dependsOn).as("gateway depends_on").containsEntry(backend, "service_healthy");
        }
        assertThat(dependsOn).containsEntry("keycloak", "service_healthy");
    }

    @Test
    void everyHealthConditionNamesAServiceThatHasAHealthcheck() {
        SoftAssertions softly = new SoftAssertions();
        services().keySet().forEach(name -> dependsOn(name).forEach((dependency, condition) -> {
            softly.assertThat(services()).as(name + " depends on a declared service").containsKey(dependency);
            if ("service_healthy".equals(condition) && services().containsKey(dependency)) {
                softly.assertThat(service(dependency)).as(name + " waits for " + dependency + " to be healthy")
                        .containsKey("healthcheck");
            }
        }));
        softly.assertAll();
    }

    @Test
    void publishesTheGatewayKeycloakAndMailpitPortsOnTheHost() {
        assertThat(publishedPorts("gateway")).contains(8080);
        assertThat(publishedPorts("keycloak")).contains(8180);
        assertThat(publishedPorts("mailpit")).contains(8025);
    }

    @Test
    void everyApplicationHasAReadinessHealthcheckAndRestartsUnlessStopped() {
        SoftAssertions softly = new SoftAssertions();
        for (App app : APPS) {
            softly.assertThat(healthcheckCommand(app.name())).as(app.name() + " healthcheck")
                    .contains("/actuator/health/readiness");
            softly.assertThat(service(app.name()).get("restart")).as(app.name() + " restart")
                    .isEqualTo("unless-stopped");
        }
        softly.assertAll();
    }

    @Test
    void healthchecksEscapeShellVariablesFromComposeInterpolation() {
        // Compose replaces $VAR and ${VAR} itself when it reads the file; a variable meant for
        // the shell inside the container must be written $$VAR, or the check silently breaks.
        SoftAssertions softly = new SoftAssertions();
        services().forEach((name, definition) -> {
            if (map(definition, name).containsKey("healthcheck")) {
                softly.assertThat(healthcheckCommand(name).replace("$$", ""))
                        .as(name + " healthcheck has an unescaped $").doesNotContain("$");
            }
        });
        softly.assertAll();
    }

    @Test
    void everyApplicationIsBuiltFromTheRootDockerfileWithAModuleThatExists() {
        SoftAssertions softly = new SoftAssertions();
        for (App app : APPS) {
            Map<String, Object> build = map(service(app.name()).get("build"), app.name() + " build");
            Path context = root.resolve(String.valueOf(build.getOrDefault("context", "."))).normalize();
            softly.assertThat(context).as(app.name() + " build context is the repository root").isEqualTo(root.normalize());
            softly.assertThat(context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))).normalize())
                    .as(app.name() + " Dockerfile").isEqualTo(root.resolve("Dockerfile").normalize()).isRegularFile();

            Map<String, String> args = stringMap(build.get("args"), app.name() + " build args");
            String module = args.get("MODULE");
            softly.assertThat(module).as(app.name() + " MODULE arg").isNotBlank();
            if (module == null || module.isBlank()) {
                continue;
            }
            Path pom = root.resolve(module).resolve("pom.xml");
            softly.assertThat(pom).as(app.name() + " MODULE " + module + " has a pom.xml").isRegularFile();
            if (Files.isRegularFile(pom)) {
                softly.assertThat(args.get("ARTIFACT")).as(app.name() + " ARTIFACT is the module's artifactId")
                        .isEqualTo(RepositoryFiles.artifactIdOf(pom));
            }
        }
        softly.assertAll();
    }

    @Test
    void mongoAndKafkaKeepTheirDataInNamedVolumes() {
        Set<String> declared = map(compose.get("volumes"), "top-level volumes").keySet();
        for (String name : List.of("mongo", "kafka")) {
            List<String> named = list(service(name).get("volumes"), name + " volumes").stream()
                    .map(String::valueOf)
                    .map(volume -> volume.split(":")[0])
                    .filter(source -> !source.startsWith(".") && !source.startsWith("/"))
                    .toList();
            assertThat(named).as(name + " named volumes").isNotEmpty();
            assertThat(declared).as("declared volumes").containsAll(named);
        }
    }

    // ---- reading the compose model ------------------------------------------------------

    private Map<String, Object> services() {
        return map(compose.get("services"), "services");
    }

    private Map<String, Object> service(String name) {
        Object definition = services().get(name);
        assertThat(definition).as("service " + name).isNotNull();
        return map(definition, "service " + name);
    }

    /** environment in either form: a mapping, or a list of KEY=VALUE. */
    private Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        if (environment instanceof List<?> entries) {
            Map<String, String> result = new LinkedHashMap<>();
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? null : text.substring(equals + 1));
            }
            return result;
        }
        return stringMap(environment, name + " environment");
    }

    private static Map<String, String> stringMap(Object value, String what) {
        Map<String, String> result = new LinkedHashMap<>();
        map(value, what).forEach((key, entry) -> result.put(key, entry == null ? null : String.valueOf(entry)));
        return result;
    }

    /** depends_on as service -> condition; the short list form means service_started. */
    private Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof List<?> names) {
            names.forEach(dependency -> result.put(String.valueOf(dependency), "service_started"));
        }
        else {
            map(dependsOn, name + " depends_on").forEach((dependency, options) -> result.put(dependency,
                    String.valueOf(map(options, name + " depends_on " + dependency).getOrDefault("condition", "service_started"))));
        }
        return result;
    }

    private String healthcheckCommand(String name) {
        Map<String, Object> healthcheck = map(service(name).get("healthcheck"), name + " healthcheck");
        Object test = healthcheck.get("test");
        assertThat(test).as(name + " healthcheck test").isNotNull();
        return commandLine(test).stream().collect(Collectors.joining(" "));
    }

    private static List<String> commandLine(Object command) {
        if (command instanceof List<?> parts) {
            return parts.stream().map(String::valueOf).toList();
        }
        return command == null ? List.of() : List.of(String.valueOf(command).split("\\s+"));
    }

    /** Host ports from short ("8080:8080", "127.0.0.1:8080:8080") or long syntax. */
    private List<Integer> publishedPorts(String name) {
        return list(service(name).get("ports"), name + " ports").stream().map(port -> {
            if (port instanceof Map<?, ?> longSyntax) {
                return Integer.valueOf(String.valueOf(longSyntax.get("published")));
            }
            String[] parts = String.valueOf(port).split("/")[0].split(":");
            return Integer.valueOf(parts.length >= 2 ? parts[parts.length - 2] : parts[0]);
        }).toList();
    }
}
