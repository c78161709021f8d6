package org.waypoint.plan;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.waypoint.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.waypoint.plan", importOptions = ImportOption.DoNotIncludeTests.class)
class PlanArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule webGoesThroughUseCases = ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE;
}
