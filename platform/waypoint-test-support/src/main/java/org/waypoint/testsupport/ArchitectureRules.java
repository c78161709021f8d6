package org.waypoint.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules every service checks against its own classes. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain model is plain Java: no Spring, no MongoDB, no Kafka, no Jackson, no web. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.bson..", "com.mongodb..", "org.apache.kafka..",
                    "tools.jackson..", "com.fasterxml.jackson..", "jakarta.servlet..", "jakarta.persistence..")
            .as("domain packages use no Spring, MongoDB, Kafka, Jackson or servlet types");

    /** Web adapters do not reach into persistence directly: they go through application use cases. */
    public static final ArchRule WEB_DOES_NOT_USE_PERSISTENCE = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .as("web adapters use application services, not persistence adapters");
}
