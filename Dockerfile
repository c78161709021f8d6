# syntax=docker/dockerfile:1
#
# One Dockerfile for every Waypoint application. Pick the application with two build args:
#   MODULE    the Maven module directory, e.g. plan-service/plan-app
#   ARTIFACT  its artifactId,              e.g. plan-app
# The runnable jar is <MODULE>/target/<ARTIFACT>-<VERSION>-exec.jar (the Boot plugin's
# "exec" classifier set in the root pom).
#
#   docker build --build-arg MODULE=plan-service/plan-app --build-arg ARTIFACT=plan-app -t waypoint/plan-service .

ARG MODULE
ARG ARTIFACT
ARG VERSION=0.1.0-SNAPSHOT

# ---- build ---------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-21 AS build
ARG MODULE
ARG ARTIFACT
ARG VERSION
RUN test -n "$MODULE" && test -n "$ARTIFACT" \
    || { echo "build args MODULE and ARTIFACT are required" >&2; exit 1; }
WORKDIR /workspace
# The whole reactor: Maven loads every module's pom.xml even with -pl.
COPY . .
# The cache mount keeps ~/.m2 between builds of the six images (BuildKit).
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests -pl "$MODULE" -am package \
 && cp "$MODULE/target/$ARTIFACT-$VERSION-exec.jar" /workspace/app.jar

# ---- run -----------------------------------------------------------------------------
FROM eclipse-temurin:21-jre
# No curl/wget is relied upon in this image (Adoptium is removing such packages from its
# images); the compose and Kubernetes probes use bash's /dev/tcp or kubelet httpGet.
# A numeric user, so Kubernetes can verify runAsNonRoot.
RUN groupadd --system --gid 10001 waypoint \
 && useradd --system --uid 10001 --gid waypoint --home-dir /app --no-create-home waypoint
WORKDIR /app
COPY --from=build --chown=10001:10001 /workspace/app.jar /app/app.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
