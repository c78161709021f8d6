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
    static final ArchRule domainDependsOnNoOtherLayer = ArchitectureRules.DOMAIN_DEPENDS_ON_NO_OTHER_LAYER;

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapter = ArchitectureRules.APPLICATION_DEPENDS_ON_NO_ADAPTER;

    @ArchTest
    static final ArchRule webGoesThroughUseCases = ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE;

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("org.waypoint.indicator");

    @ArchTest
    static final ArchRule apiIsPlainJava = ArchitectureRules.API_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule scheduledJobsLiveInScheduling = ArchitectureRules.SCHEDULED_JOBS_LIVE_IN_SCHEDULING;
}
