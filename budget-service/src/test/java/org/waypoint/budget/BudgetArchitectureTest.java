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
    static final ArchRule webGoesThroughUseCases = ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE;

    /** Money is exact: no float or double anywhere in budget-service, not even in a response. */
    @ArchTest
    static final ArchRule noFloatingPointFields = noFields().should().haveRawType(double.class)
            .orShould().haveRawType(float.class).orShould().haveRawType(Double.class).orShould().haveRawType(Float.class)
            .as("no field of budget-service is a double or a float: money is BigDecimal / Decimal128");
}
