package org.waypoint.budget;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.waypoint.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.waypoint.budget", importOptions = ImportOption.DoNotIncludeTests.class)
class BudgetArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule domainDependsOnNoOtherLayer = ArchitectureRules.DOMAIN_DEPENDS_ON_NO_OTHER_LAYER;

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapter = ArchitectureRules.APPLICATION_DEPENDS_ON_NO_ADAPTER;

    @ArchTest
    static final ArchRule webGoesThroughUseCases = ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE;

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("org.waypoint.budget");

    @ArchTest
    static final ArchRule apiIsPlainJava = ArchitectureRules.API_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule scheduledJobsLiveInScheduling = ArchitectureRules.SCHEDULED_JOBS_LIVE_IN_SCHEDULING;

    /** Money is exact: no float or double anywhere in budget-service, not even in a response. */
    @ArchTest
    static final ArchRule noFloatingPointFields = noFields().should().haveRawType(double.class)
            .orShould().haveRawType(float.class).orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
            .as("no field of budget-service is a double or a float: money is BigDecimal / Decimal128");
}
