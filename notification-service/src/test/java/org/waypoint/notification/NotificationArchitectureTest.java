package org.waypoint.notification;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.waypoint.testsupport.ArchitectureRules;

@AnalyzeClasses(packages = "org.waypoint.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class NotificationArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule domainDependsOnNoOtherLayer = ArchitectureRules.DOMAIN_DEPENDS_ON_NO_OTHER_LAYER;

    @ArchTest
    static final ArchRule applicationDependsOnNoAdapter = ArchitectureRules.APPLICATION_DEPENDS_ON_NO_ADAPTER;

    @ArchTest
    static final ArchRule webGoesThroughUseCases = ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE;

    /**
     * Controllers go through use cases: no web class uses a port (an interface of the application layer, such as
     * {@code SendQueue}, {@code Inbox} or {@code DeliveryLog}); the records and enums ports declare it may use.
     */
    @ArchTest
    static final ArchRule controllersUseNoPort = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat(and(resideInAPackage("..application.."), INTERFACES).as("application ports"))
            .as("web adapters call use cases, never a port of the application layer");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = ArchitectureRules.featuresAreFreeOfCycles("org.waypoint.notification");

    @ArchTest
    static final ArchRule apiIsPlainJava = ArchitectureRules.API_IS_PLAIN_JAVA;

    @ArchTest
    static final ArchRule scheduledJobsLiveInScheduling = ArchitectureRules.SCHEDULED_JOBS_LIVE_IN_SCHEDULING;
}
