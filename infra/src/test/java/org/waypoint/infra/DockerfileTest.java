package org.waypoint.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The root Dockerfile and .dockerignore, read as text (no Docker engine here). */
class DockerfileTest {

    private final String dockerfile = RepositoryFiles.read(RepositoryFiles.file("Dockerfile"));

    @Test
    void buildsTheChosenModuleWithMavenOnJava21AndRunsOnAJre() {
        assertThat(dockerfile)
                .containsPattern("(?m)^FROM maven:3\\.9-eclipse-temurin-21 AS build$")
                .containsPattern("(?m)^FROM eclipse-temurin:21-jre$")
                .containsPattern("(?m)^ARG MODULE$")
                .containsPattern("(?m)^ARG ARTIFACT$")
                .contains("mvn -B")
                .contains("-DskipTests")
                .contains("-pl \"$MODULE\" -am package");
    }

    @Test
    void copiesTheExecJarOfTheModuleIntoTheRuntimeImage() {
        assertThat(dockerfile)
                .contains("$MODULE/target/$ARTIFACT-$VERSION-exec.jar")
                .containsPattern("(?m)^ARG VERSION=0\\.1\\.0-SNAPSHOT$")
                .contains("COPY --from=build")
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/app/app.jar\"\\]$");
    }

    @Test
    void runsAsANumericNonRootUser() {
        // Kubernetes can only enforce runAsNonRoot for a numeric USER.
        assertThat(dockerfile).containsPattern("(?m)^USER [1-9][0-9]*$");
    }

    @Test
    void keepsBuildOutputAndGitOutOfTheBuildContext() {
        List<String> ignored = RepositoryFiles.read(RepositoryFiles.file(".dockerignore")).lines()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignored).contains(".git/", ".local/", "**/target/", "**/node_modules/");
    }
}
