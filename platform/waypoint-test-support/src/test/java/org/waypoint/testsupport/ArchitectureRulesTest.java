package org.waypoint.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule passes on a well-shaped feature and fails on the violation planted for it. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "org.waypoint.testsupport.archfixture";
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages(FIXTURE + ".good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages(FIXTURE + ".bad");

    static Map<String, ArchRule> rules(String shop) {
        return Map.of(
                "domain is plain Java", ArchitectureRules.DOMAIN_IS_PLAIN_JAVA,
                "domain depends on no other layer", ArchitectureRules.DOMAIN_DEPENDS_ON_NO_OTHER_LAYER,
                "application depends on no adapter", ArchitectureRules.APPLICATION_DEPENDS_ON_NO_ADAPTER,
                "web does not use persistence", ArchitectureRules.WEB_DOES_NOT_USE_PERSISTENCE,
                "features are free of cycles", ArchitectureRules.featuresAreFreeOfCycles(FIXTURE + "." + shop + ".shop"),
                "api is plain Java", ArchitectureRules.API_IS_PLAIN_JAVA,
                "scheduled jobs live in scheduling", ArchitectureRules.SCHEDULED_JOBS_LIVE_IN_SCHEDULING);
    }

    static Iterable<String> ruleNames() {
        return rules("good").keySet();
    }

    @ParameterizedTest(name = "{0}: holds for a well-shaped feature")
    @MethodSource("ruleNames")
    void aRuleHoldsForAWellShapedFeature(String rule) {
        EvaluationResult result = rules("good").get(rule).evaluate(GOOD);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @ParameterizedTest(name = "{0}: fails on its planted violation")
    @MethodSource("ruleNames")
    void aRuleFailsOnItsPlantedViolation(String rule) {
        assertThat(rules("bad").get(rule).evaluate(BAD).hasViolation()).isTrue();
    }

    @ParameterizedTest(name = "{0}: names the offending class")
    @MethodSource("ruleNames")
    void aFailureNamesTheOffendingPackage(String rule) {
        assertThat(rules("bad").get(rule).evaluate(BAD).getFailureReport().toString()).contains(FIXTURE + ".bad.shop");
    }
}
