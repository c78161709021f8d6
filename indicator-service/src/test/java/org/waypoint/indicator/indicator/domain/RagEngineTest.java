package org.waypoint.indicator.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The RAG engine, table-driven: polarity x target kind x tolerance x missing data. */
class RagEngineTest {

    @ParameterizedTest(name = "{0} target {1} tolerance {2}: value {3} against {4} -> {5} {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // polarity     | target   | tolerance | value  | comparator | status | reason
            "HIGHER_IS_BETTER | 95       | 5%        | 96     | -          | GREEN  | MEETS_TARGET",
            "HIGHER_IS_BETTER | 95       | 5%        | 95     | -          | GREEN  | MEETS_TARGET",
            "HIGHER_IS_BETTER | 95       | 5%        | 90.25  | -          | AMBER  | WITHIN_TOLERANCE",
            "HIGHER_IS_BETTER | 95       | 5%        | 90.24  | -          | RED    | BEYOND_TOLERANCE",
            "HIGHER_IS_BETTER | 95       | 2         | 93     | -          | AMBER  | WITHIN_TOLERANCE",
            "HIGHER_IS_BETTER | 95       | 2         | 92.99  | -          | RED    | BEYOND_TOLERANCE",
            "HIGHER_IS_BETTER | 95       | 0         | 95     | -          | GREEN  | MEETS_TARGET",
            "HIGHER_IS_BETTER | 95       | 0         | 94.99  | -          | RED    | BEYOND_TOLERANCE",
            "HIGHER_IS_BETTER | 95       | 5%        | 0      | 98         | RED    | BEYOND_TOLERANCE",
            "LOWER_IS_BETTER  | 12       | 5%        | 10     | -          | GREEN  | MEETS_TARGET",
            "LOWER_IS_BETTER  | 12       | 5%        | 12     | -          | GREEN  | MEETS_TARGET",
            "LOWER_IS_BETTER  | 12       | 5%        | 12.6   | -          | AMBER  | WITHIN_TOLERANCE",
            "LOWER_IS_BETTER  | 12       | 5%        | 12.61  | -          | RED    | BEYOND_TOLERANCE",
            "LOWER_IS_BETTER  | 12       | 2         | 14     | -          | AMBER  | WITHIN_TOLERANCE",
            "LOWER_IS_BETTER  | 12       | 2         | 14.01  | -          | RED    | BEYOND_TOLERANCE",
            "LOWER_IS_BETTER  | 12       | 0         | 12.01  | -          | RED    | BEYOND_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 5%        | 57     | 56         | GREEN  | MOVED_AS_WANTED",
            "HIGHER_IS_BETTER | Increase | 5%        | 56     | 56         | AMBER  | WITHIN_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 5%        | 53.2   | 56         | AMBER  | WITHIN_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 5%        | 53.1   | 56         | RED    | BEYOND_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 2         | 54     | 56         | AMBER  | WITHIN_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 2         | 53.9   | 56         | RED    | BEYOND_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 0         | 56     | 56         | AMBER  | WITHIN_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 0         | 55.9   | 56         | RED    | BEYOND_TOLERANCE",
            "HIGHER_IS_BETTER | Increase | 5%        | 57     | -          | GREY   | NO_COMPARATOR",
            "LOWER_IS_BETTER  | Reduce   | 5%        | 50     | 56         | GREEN  | MOVED_AS_WANTED",
            "LOWER_IS_BETTER  | Reduce   | 5%        | 58.8   | 56         | AMBER  | WITHIN_TOLERANCE",
            "LOWER_IS_BETTER  | Reduce   | 5%        | 60     | 56         | RED    | BEYOND_TOLERANCE",
            "LOWER_IS_BETTER  | Reduce   | 2         | 58     | 56         | AMBER  | WITHIN_TOLERANCE",
            "LOWER_IS_BETTER  | Reduce   | 0         | 56.1   | 56         | RED    | BEYOND_TOLERANCE",
            "LOWER_IS_BETTER  | Reduce   | 5%        | 50     | -          | GREY   | NO_COMPARATOR",
            "LOWER_IS_BETTER  | Increase | 5%        | 57     | 56         | GREEN  | MOVED_AS_WANTED",
            "HIGHER_IS_BETTER | Reduce   | 5%        | 57     | 56         | AMBER  | WITHIN_TOLERANCE",
            "HIGHER_IS_BETTER | TBC      | 5%        | 57     | 56         | GREY   | TARGET_TBC",
            "LOWER_IS_BETTER  | TBC      | 0         | 57     | -          | GREY   | TARGET_TBC",
            "HIGHER_IS_BETTER | n/a      | 5%        | 57     | 56         | GREY   | NO_TARGET",
            "LOWER_IS_BETTER  | n/a      | 2         | 57     | -          | GREY   | NO_TARGET",
            "HIGHER_IS_BETTER | 95       | 5%        | -      | 98         | GREY   | NO_DATA",
            "LOWER_IS_BETTER  | 12       | 0         | -      | -          | GREY   | NO_DATA",
            "HIGHER_IS_BETTER | Increase | 5%        | -      | 56         | GREY   | NO_DATA",
            "LOWER_IS_BETTER  | Reduce   | 2         | -      | 56         | GREY   | NO_DATA",
            "MONITOR_ONLY     | 95       | 5%        | 10     | -          | GREY   | MONITOR_ONLY",
            "MONITOR_ONLY     | Increase | 2         | 10     | 56         | GREY   | MONITOR_ONLY",
            "MONITOR_ONLY     | n/a      | 0         | -      | -          | GREY   | MONITOR_ONLY"})
    void judgesAValueAgainstItsTarget(Polarity polarity, String target, String tolerance, String value, String comparator,
                                      Status status, Assessment.Reason reason) {
        Assessment assessment = RagEngine.assess(polarity, Target.parse(target, Unit.PERCENTAGE), tolerance(tolerance),
                decimal(value), decimal(comparator));

        assertThat(assessment).isEqualTo(new Assessment(status, reason));
    }

    enum Data { VALUE_AND_COMPARATOR, VALUE_ONLY, COMPARATOR_ONLY, NEITHER }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (Polarity polarity : Polarity.values()) {
            for (Target.Kind kind : Target.Kind.values()) {
                for (String tolerance : List.of("5%", "2", "0")) {
                    for (Data data : Data.values()) {
                        for (String value : List.of("40", "94", "95", "99")) {
                            all.add(Arguments.of(polarity, kind, tolerance, data, value));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} tolerance {2} {3} value {4}")
    @MethodSource("everyCombination")
    void missingDataNoTargetAndMonitorOnlyAreGreyAndNeverRed(Polarity polarity, Target.Kind kind, String tolerance,
                                                             Data data, String value) {
        Target target = kind == Target.Kind.NUMBER ? Target.number(MeasuredValue.of("95")) : new Target(kind, null);
        BigDecimal v = data == Data.VALUE_AND_COMPARATOR || data == Data.VALUE_ONLY ? new BigDecimal(value) : null;
        BigDecimal c = data == Data.VALUE_AND_COMPARATOR || data == Data.COMPARATOR_ONLY ? new BigDecimal("95") : null;

        Assessment assessment = RagEngine.assess(polarity, target, tolerance(tolerance), v, c);

        Assessment.Reason expectedGrey = polarity == Polarity.MONITOR_ONLY ? Assessment.Reason.MONITOR_ONLY
                : v == null ? Assessment.Reason.NO_DATA
                : kind == Target.Kind.NONE ? Assessment.Reason.NO_TARGET
                : kind == Target.Kind.TBC ? Assessment.Reason.TARGET_TBC
                : (kind == Target.Kind.INCREASE || kind == Target.Kind.REDUCE) && c == null ? Assessment.Reason.NO_COMPARATOR
                : null;
        if (expectedGrey != null) {
            assertThat(assessment).isEqualTo(new Assessment(Status.GREY, expectedGrey));
        } else {
            assertThat(assessment.status()).isNotEqualTo(Status.GREY);
            boolean better = switch (kind) {
                case NUMBER -> polarity == Polarity.HIGHER_IS_BETTER ? v.compareTo(c == null ? new BigDecimal("95") : new BigDecimal("95")) >= 0
                        : v.compareTo(new BigDecimal("95")) <= 0;
                case INCREASE -> v.compareTo(c) > 0;
                case REDUCE -> v.compareTo(c) < 0;
                default -> throw new IllegalStateException();
            };
            assertThat(assessment.status() == Status.GREEN).as("green exactly when target met").isEqualTo(better);
        }
    }

    @ParameterizedTest(name = "{0}: {1} after {2} is {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "HIGHER_IS_BETTER | 60 | 55 | IMPROVING",
            "HIGHER_IS_BETTER | 50 | 55 | WORSENING",
            "HIGHER_IS_BETTER | 55 | 55 | NO_CHANGE",
            "LOWER_IS_BETTER  | 60 | 55 | WORSENING",
            "LOWER_IS_BETTER  | 50 | 55 | IMPROVING",
            "LOWER_IS_BETTER  | 55 | 55.0 | NO_CHANGE",
            "MONITOR_ONLY     | 60 | 55 | -",
            "HIGHER_IS_BETTER | 60 | -  | -",
            "LOWER_IS_BETTER  | -  | 55 | -"})
    void theShortTrendIsReadThroughThePolarity(Polarity polarity, String value, String previous, Trend trend) {
        assertThat(RagEngine.trend(polarity, decimal(value), decimal(previous))).isEqualTo(trend);
    }

    static Tolerance tolerance(String text) {
        return text.endsWith("%") ? Tolerance.relative(text.substring(0, text.length() - 1)) : Tolerance.absolute(text);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
