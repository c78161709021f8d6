package org.waypoint.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules every service checks against its own classes (issue 17). A service's classes
 * live in {@code org.waypoint.<service>.<feature>.<layer>}: a feature package is named for its
 * aggregate, and its layers are {@code domain} (plain Java), {@code application} (use cases),
 * {@code web}, {@code persistence} and {@code messaging} (adapters), and {@code scheduling} (the jobs
 * that run on a timer, each calling a use case). {@code ArchitectureRulesTest}
 * shows each rule failing on a planted violation.
 */
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

    /** The domain knows nothing of the layers around it: not its use cases, not any adapter. */
    public static final ArchRule DOMAIN_DEPENDS_ON_NO_OTHER_LAYER = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..application..", "..web..", "..persistence..", "..messaging..")
            .as("domain packages use nothing of application, web, persistence or messaging");

    /** Use cases know no adapter and no web or database type: they throw and return the domain's own. */
    public static final ArchRule APPLICATION_DEPENDS_ON_NO_ADAPTER = noClasses()
            .that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..web..", "..persistence..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.springframework.data.mongodb..", "com.mongodb..", "org.bson..")
            .as("application packages use no web or persistence adapter, and no HTTP, servlet or MongoDB type");

    /** Web adapters do not reach into persistence directly: they go through application use cases. */
    public static final ArchRule WEB_DOES_NOT_USE_PERSISTENCE = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAPackage("..persistence..")
            .as("web adapters use application services, not persistence adapters");

    /** Feature packages ({@code org.waypoint.<service>.<feature>}) do not depend on each other in a circle. */
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = featuresAreFreeOfCycles("org.waypoint.*");

    /** The feature packages directly under {@code servicePackage} depend on each other without cycles. */
    public static ArchRule featuresAreFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..").namingSlices("feature $1")
                .should().beFreeOfCycles()
                .as("feature packages depend on each other without cycles");
    }

    /** Jobs on a timer live in one place in each feature: its {@code scheduling} package. */
    public static final ArchRule SCHEDULED_JOBS_LIVE_IN_SCHEDULING = methods()
            .that().areAnnotatedWith("org.springframework.scheduling.annotation.Scheduled")
            .should().beDeclaredInClassesThat().resideInAPackage("..scheduling..")
            .allowEmptyShould(true)
            .as("scheduled jobs live in a feature's scheduling package");

    /** What a service publishes for integrators ({@code ..api..}) is plain Java: records and names, nothing else. */
    public static final ArchRule API_IS_PLAIN_JAVA = classes()
            .that().resideInAPackage("..api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..api..")
            .allowEmptyShould(true)
            .as("api packages depend on nothing but Java and other api packages");
}
