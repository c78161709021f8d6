package org.waypoint.risk;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.waypoint.testsupport.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.waypoint.risk", importOptions = ImportOption.DoNotIncludeTests.class)
class RiskArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule webGoesThroughUseCases = ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE;

    @ArchTest
    static final ArchRule eventsArePlainJava = noClasses().that().resideInAPackage("org.waypoint.risk.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..", "org.bson..")
            .as("the event records integrators may copy are plain Java");
}
