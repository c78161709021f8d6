package org.waypoint.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.infra.RepositoryFiles.list;
import static org.waypoint.infra.RepositoryFiles.map;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads infra/k8s through its kustomization.yaml, as kustomize would, and checks each
 * application is deployable: probes, resource limits, a Service in front, and only
 * references to configuration that the manifests define.
 */
class KubernetesManifestsTest {

    private static final List<String> APPLICATIONS = List.of("plan-service", "indicator-service", "risk-service",
            "budget-service", "notification-service", "gateway");

    private Path k8s;

    private List<String> resourceFiles;

    private List<Map<String, Object>> resources;

    @BeforeEach
    void readKustomization() {
        k8s = RepositoryFiles.root().resolve("infra/k8s");
        Map<String, Object> kustomization = RepositoryFiles.yamlMap(RepositoryFiles.file("infra/k8s/kustomization.yaml"));
        resourceFiles = list(kustomization.get("resources"), "kustomization resources").stream().map(String::valueOf).toList();
        resources = new ArrayList<>();
        for (String file : resourceFiles) {
            if (k8s.resolve(file).toFile().isFile()) {
                resources.addAll(RepositoryFiles.yamlDocuments(k8s.resolve(file)));
            }
        }
    }

    @Test
    void everyFileListedInTheKustomizationExistsAndHoldsKubernetesObjects() {
        assertThat(resourceFiles).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (String file : resourceFiles) {
            Path path = k8s.resolve(file);
            softly.assertThat(path).as("kustomization resource " + file).isRegularFile();
            if (path.toFile().isFile()) {
                List<Map<String, Object>> documents = RepositoryFiles.yamlDocuments(path);
                softly.assertThat(documents).as(file + " documents").isNotEmpty();
                for (Map<String, Object> document : documents) {
                    softly.assertThat(document).as(file).containsKeys("apiVersion", "kind", "metadata");
                    softly.assertThat(map(document.get("metadata"), file + " metadata").get("name"))
                            .as(file + " metadata.name").isNotNull();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyApplicationHasADeploymentAndAService() {
        assertThat(namesOf("Deployment")).containsAll(APPLICATIONS);
        assertThat(namesOf("Service")).containsAll(APPLICATIONS);
    }

    @Test
    void everyDeploymentProbesReadinessAndLivenessOnActuatorHealth() {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String what = nameOf(deployment) + "/" + container.get("name");
                softly.assertThat(probePath(container, "readinessProbe")).as(what + " readinessProbe")
                        .isEqualTo("/actuator/health/readiness");
                softly.assertThat(probePath(container, "livenessProbe")).as(what + " livenessProbe")
                        .isEqualTo("/actuator/health/liveness");
                for (String probe : List.of("readinessProbe", "livenessProbe")) {
                    Object port = map(map(container.get(probe), what + " " + probe).get("httpGet"), what + " " + probe).get("port");
                    softly.assertThat(containerPorts(container)).as(what + " " + probe + " port is a container port")
                            .contains(String.valueOf(port));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyDeploymentLimitsCpuAndMemoryAndRequestsNoMoreThanItsLimit() {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String what = nameOf(deployment) + "/" + container.get("name");
                Map<String, Object> resources = map(container.get("resources"), what + " resources");
                Map<String, Object> limits = map(resources.get("limits"), what + " limits");
                Map<String, Object> requests = map(resources.get("requests"), what + " requests");
                softly.assertThat(limits).as(what + " limits").containsKeys("cpu", "memory");
                softly.assertThat(requests).as(what + " requests").containsKeys("cpu", "memory");
                if (limits.containsKey("memory") && requests.containsKey("memory")) {
                    BigDecimal limit = quantity(limits.get("memory"));
                    softly.assertThat(quantity(requests.get("memory"))).as(what + " memory request").isLessThanOrEqualTo(limit);
                    softly.assertThat(limit).as(what + " memory limit is enough for a JVM")
                            .isGreaterThanOrEqualTo(quantity("256Mi"));
                }
                if (limits.containsKey("cpu") && requests.containsKey("cpu")) {
                    softly.assertThat(quantity(requests.get("cpu"))).as(what + " cpu request")
                            .isLessThanOrEqualTo(quantity(limits.get("cpu")));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyDeploymentIsSelectedByAServiceThatTargetsItsPort() {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, Object> spec = map(deployment.get("spec"), "spec");
            Map<String, Object> podLabels = map(map(map(spec.get("template"), "template").get("metadata"), "metadata").get("labels"),
                    "pod labels");
            Map<String, Object> matchLabels = map(map(spec.get("selector"), "selector").get("matchLabels"), "matchLabels");
            softly.assertThat(matchLabels).as(nameOf(deployment) + " selector").isNotEmpty();
            softly.assertThat(podLabels).as(nameOf(deployment) + " pods carry the selector's labels").containsAllEntriesOf(matchLabels);

            Set<String> ports = new HashSet<>();
            containers(deployment).forEach(container -> ports.addAll(containerPorts(container)));
            List<Map<String, Object>> matching = ofKind("Service").stream().filter(service -> {
                Map<String, Object> selector = map(map(service.get("spec"), "spec").get("selector"), "selector");
                return !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet());
            }).toList();
            softly.assertThat(matching).as("Services selecting " + nameOf(deployment)).isNotEmpty();
            for (Map<String, Object> service : matching) {
                for (Object port : list(map(service.get("spec"), "spec").get("ports"), "ports")) {
                    Map<String, Object> servicePort = map(port, "port");
                    Object target = servicePort.getOrDefault("targetPort", servicePort.get("port"));
                    softly.assertThat(ports).as("Service " + nameOf(service) + " targetPort").contains(String.valueOf(target));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void deploymentsOnlyReferToConfigMapsSecretsAndVariablesThatAreDefined() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, Map<String, Object>> configMaps = byName("ConfigMap");
        Map<String, Map<String, Object>> secrets = byName("Secret");
        softly.assertThat(configMaps).as("ConfigMaps").containsKey("waypoint-config");
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String what = nameOf(deployment) + "/" + container.get("name");
                Set<String> defined = new HashSet<>();
                List<String> sources = new ArrayList<>();
                for (Object source : list(container.get("envFrom"), what + " envFrom")) {
                    Object ref = map(source, "envFrom").get("configMapRef");
                    if (ref != null) {
                        String name = String.valueOf(map(ref, "configMapRef").get("name"));
                        sources.add(name);
                        softly.assertThat(configMaps).as(what + " envFrom").containsKey(name);
                        if (configMaps.containsKey(name)) {
                            defined.addAll(map(configMaps.get(name).get("data"), name + " data").keySet());
                        }
                    }
                }
                softly.assertThat(sources).as(what + " reads waypoint-config").contains("waypoint-config");
                for (Object entry : list(container.get("env"), what + " env")) {
                    Map<String, Object> variable = map(entry, what + " env entry");
                    Object value = variable.get("value");
                    if (value != null) {
                        Matcher reference = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)").matcher(String.valueOf(value));
                        while (reference.find()) {
                            softly.assertThat(defined).as(what + " " + variable.get("name") + " refers to $(" + reference.group(1) + ")")
                                    .contains(reference.group(1));
                        }
                    }
                    Map<String, Object> valueFrom = map(variable.get("valueFrom"), "valueFrom");
                    if (valueFrom.get("secretKeyRef") != null) {
                        Map<String, Object> ref = map(valueFrom.get("secretKeyRef"), "secretKeyRef");
                        String secret = String.valueOf(ref.get("name"));
                        softly.assertThat(secrets).as(what + " secret").containsKey(secret);
                        if (secrets.containsKey(secret)) {
                            Set<String> keys = new HashSet<>(map(secrets.get(secret).get("stringData"), "stringData").keySet());
                            keys.addAll(map(secrets.get(secret).get("data"), "data").keySet());
                            softly.assertThat(keys).as(what + " secret " + secret + " key").contains(String.valueOf(ref.get("key")));
                        }
                    }
                    if (valueFrom.get("configMapKeyRef") != null) {
                        Map<String, Object> ref = map(valueFrom.get("configMapKeyRef"), "configMapKeyRef");
                        String name = String.valueOf(ref.get("name"));
                        softly.assertThat(configMaps).as(what + " configMapKeyRef").containsKey(name);
                    }
                    defined.add(String.valueOf(variable.get("name")));
                }
                softly.assertThat(defined).as(what + " environment").contains("SERVER_PORT", "MONGODB_URI",
                        "KAFKA_BOOTSTRAP_SERVERS", "KEYCLOAK_URL", "KEYCLOAK_JWKS_URL", "SMTP_HOST", "SMTP_PORT");
            }
        }
        softly.assertThat(ofKind("Deployment").stream().filter(d -> nameOf(d).equals("gateway")).flatMap(d -> containers(d).stream())
                .flatMap(c -> list(c.get("env"), "env").stream()).map(e -> map(e, "env").get("valueFrom")).filter(v -> v != null)
                .map(v -> map(v, "valueFrom").get("secretKeyRef")).filter(v -> v != null).toList())
                .as("the gateway reads the portal client secret from a Secret").isNotEmpty();
        softly.assertAll();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
    }

    private Map<String, Map<String, Object>> byName(String kind) {
        Map<String, Map<String, Object>> result = new java.util.LinkedHashMap<>();
        ofKind(kind).forEach(resource -> result.put(nameOf(resource), resource));
        return result;
    }

    private List<String> namesOf(String kind) {
        return ofKind(kind).stream().map(KubernetesManifestsTest::nameOf).toList();
    }

    private static String nameOf(Map<String, Object> resource) {
        return String.valueOf(map(resource.get("metadata"), "metadata").get("name"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        Map<String, Object> podSpec = map(map(map(deployment.get("spec"), "spec").get("template"), "template").get("spec"), "pod spec");
        List<Map<String, Object>> containers = list(podSpec.get("containers"), "containers").stream()
                .map(container -> map(container, "container")).toList();
        assertThat(containers).as(nameOf(deployment) + " containers").isNotEmpty();
        return containers;
    }

    /** Container ports by name and by number, as strings. */
    private static Set<String> containerPorts(Map<String, Object> container) {
        Set<String> ports = new HashSet<>();
        for (Object port : list(container.get("ports"), "ports")) {
            Map<String, Object> containerPort = map(port, "port");
            ports.add(String.valueOf(containerPort.get("containerPort")));
            if (containerPort.get("name") != null) {
                ports.add(String.valueOf(containerPort.get("name")));
            }
        }
        return ports;
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Object definition = container.get(probe);
        if (definition == null) {
            return null;
        }
        Object httpGet = map(definition, probe).get("httpGet");
        return httpGet == null ? null : String.valueOf(map(httpGet, probe + ".httpGet").get("path"));
    }

    /** A Kubernetes quantity ("250m", "1", "512Mi", "1Gi", "1G") as a plain number. */
    static BigDecimal quantity(Object value) {
        Matcher matcher = Pattern.compile("([0-9.]+)([a-zA-Z]*)").matcher(String.valueOf(value).trim());
        assertThat(matcher.matches()).as("quantity " + value).isTrue();
        BigDecimal number = new BigDecimal(matcher.group(1));
        long factor = switch (matcher.group(2)) {
            case "" -> 1;
            case "m" -> -1000;
            case "k" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            case "Gi" -> 1024L * 1024 * 1024;
            default -> throw new AssertionError("Unknown unit in quantity " + value);
        };
        return factor < 0 ? number.divide(BigDecimal.valueOf(-factor)) : number.multiply(BigDecimal.valueOf(factor));
    }
}
