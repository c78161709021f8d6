package org.waypoint.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;

/**
 * The published contracts in {@code infra/contracts}: the CloudEvents envelope schema, one JSON
 * Schema per event type, and the AsyncAPI document that names which types each topic carries.
 */
final class EventContracts {

    static final Path CONTRACTS = repositoryRoot().resolve("infra/contracts");
    private static final String SCHEMA_BASE = "https://waypoint.example/schemas/";

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(EventContracts::readLocalSchema));

    /** Schemas are published under {@value #SCHEMA_BASE}; here they are read from the repository. */
    private static String readLocalSchema(String iri) {
        if (!iri.startsWith(SCHEMA_BASE)) {
            return null;
        }
        try {
            return Files.readString(CONTRACTS.resolve("schemas").resolve(iri.substring(SCHEMA_BASE.length())));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Validates a whole CloudEvent: the envelope, then {@code data} against the schema for its type. */
    List<Error> validate(JsonNode cloudEvent) {
        List<Error> errors = new java.util.ArrayList<>(envelope().validate(cloudEvent));
        String dataschema = cloudEvent.path("dataschema").asString("");
        if (!dataschema.startsWith(SCHEMA_BASE)) {
            throw new AssertionError("Event " + cloudEvent.path("type") + " names no Waypoint dataschema: " + dataschema);
        }
        errors.addAll(registry.getSchema(SchemaLocation.of(dataschema)).validate(cloudEvent.get("data")));
        return errors;
    }

    Schema envelope() {
        return registry.getSchema(SchemaLocation.of(SCHEMA_BASE + "cloudevent.v1.json"));
    }

    /** The message names (CloudEvent types) AsyncAPI declares for a topic address. */
    @SuppressWarnings("unchecked")
    static List<String> declaredTypes(String topic) throws java.io.IOException {
        Map<String, Object> asyncapi = new Yaml().load(Files.readString(CONTRACTS.resolve("asyncapi.yaml")));
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

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/contracts/asyncapi.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root (infra/contracts/asyncapi.yaml)");
        }
        return dir;
    }
}
