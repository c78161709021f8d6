package org.waypoint.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published contracts in {@code infra/contracts}: the CloudEvents envelope schema, one JSON
 * Schema per event type (under {@code schemas/<service>/}), and one AsyncAPI document per
 * publishing service (under {@code asyncapi/}) naming the types each topic carries. Services
 * check every event they publish with {@link #assertConforms(String, String, String)}.
 */
public final class EventContracts {

    public static final String SCHEMA_BASE = "https://waypoint.example/schemas/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path contracts = repositoryRoot().resolve("infra/contracts");
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(this::readLocalSchema));

    /**
     * Checks one published CloudEvent: the envelope, {@code data} against the schema its
     * {@code dataschema} names, and that the AsyncAPI document of {@code service} declares its
     * type on its topic.
     */
    public void assertConforms(String service, String topic, String cloudEventJson) {
        JsonNode event = JSON.readTree(cloudEventJson);
        assertThat(validate(event)).as(cloudEventJson).isEmpty();
        assertThat(declaredTypes(service, topic)).as("asyncapi/%s.yaml declares %s on %s", service, event.path("type"), topic)
                .contains(event.path("type").asString());
    }

    public List<Error> validate(JsonNode cloudEvent) {
        List<Error> errors = new ArrayList<>(registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "cloudevent.v1.json"))
                .validate(cloudEvent));
        String dataschema = cloudEvent.path("dataschema").asString("");
        if (!dataschema.startsWith(SCHEMA_BASE)) {
            throw new AssertionError("Event " + cloudEvent.path("type") + " names no Waypoint dataschema: " + dataschema);
        }
        errors.addAll(registry.getSchema(SchemaLocation.of(dataschema)).validate(cloudEvent.get("data")));
        return errors;
    }

    /** The message names (CloudEvent types) a service's AsyncAPI document declares for a topic. */
    @SuppressWarnings("unchecked")
    public List<String> declaredTypes(String service, String topic) {
        Map<String, Object> asyncapi;
        try {
            asyncapi = new Yaml().load(Files.readString(contracts.resolve("asyncapi/" + service + ".yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> channels = (Map<String, Object>) asyncapi.get("channels");
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) asyncapi.get("components")).get("messages");
        for (Object channel : channels.values()) {
            Map<String, Object> c = (Map<String, Object>) channel;
            if (topic.equals(c.get("address"))) {
                return ((Map<String, Object>) c.get("messages")).keySet().stream()
                        .map(name -> (String) ((Map<String, Object>) messages.get(name)).get("name"))
                        .toList();
            }
        }
        return List.of();
    }

    /** Schemas are published under {@value #SCHEMA_BASE}; here they are read from the repository. */
    private String readLocalSchema(String iri) {
        if (!iri.startsWith(SCHEMA_BASE)) {
            return null;
        }
        try {
            return Files.readString(contracts.resolve("schemas").resolve(iri.substring(SCHEMA_BASE.length())));
        } catch (IOException e) {
            return null;
        }
    }

    /** The repository root, found upwards from the working directory (a module's folder in Maven). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra/contracts/schemas"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root (infra/contracts/schemas)");
        }
        return dir;
    }
}
