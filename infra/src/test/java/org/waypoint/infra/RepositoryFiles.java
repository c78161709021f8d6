package org.waypoint.infra;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Finds the repository root and reads the deployment files in it. */
final class RepositoryFiles {

    private RepositoryFiles() {
    }

    /**
     * The repository root: the nearest directory, from this module's basedir upwards, that
     * holds the Maven wrapper, a pom.xml and this infra module. Works whether Surefire runs
     * in the module's directory or Maven was started from the root.
     */
    static Path root() {
        Path start = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isRegularFile(dir.resolve("infra/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (mvnw + pom.xml + infra/pom.xml) above " + start);
    }

    static Path file(String relative) {
        Path path = root().resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("Expected file " + relative + " at " + path);
        }
        return path;
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /** One YAML document as a map; fails if the file is not a single mapping. */
    static Map<String, Object> yamlMap(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            Object loaded = yaml().load(reader);
            if (!(loaded instanceof Map<?, ?>)) {
                throw new AssertionError(path + " is not a YAML mapping");
            }
            return map(loaded, path.toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every non-empty document of a multi-document YAML file. */
    static List<Map<String, Object>> yamlDocuments(Path path) {
        try (Reader reader = Files.newBufferedReader(path)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document, path.toString()));
                }
            }
            return documents;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError(what + " should be a mapping but is " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String what) {
        if (value == null) {
            return new ArrayList<>();
        }
        if (!(value instanceof List<?>)) {
            throw new AssertionError(what + " should be a list but is " + value);
        }
        return (List<Object>) value;
    }

    /** The artifactId declared directly in a pom.xml (not the parent's). */
    static String artifactIdOf(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "artifactId".equals(element.getTagName())) {
                    return element.getTextContent().trim();
                }
            }
            throw new AssertionError(pom + " declares no artifactId");
        }
        catch (Exception ex) {
            throw new AssertionError("Cannot read " + pom, ex);
        }
    }
}
