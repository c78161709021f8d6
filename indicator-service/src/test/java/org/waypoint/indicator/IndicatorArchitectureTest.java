package org.waypoint.indicator;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.waypoint.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.waypoint.indicator", importOptions = ImportOption.DoNotIncludeTests.class)
class IndicatorArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule webGoesThroughUseCases = ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE;

    @ArchTest
    static final ArchRule eventsArePlainJava = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
            .that().resideInAPackage("org.waypoint.indicator.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..", "org.bson..")
            .as("event records are plain Java for integrators");
}
