package org.waypoint.indicator.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Whole-number percentages of a committee summary: they add up to 100 and move no status by more than rounding. */
class StatusSummaryTest {

    @Test
    void seed001sCommitteeSummaryIs36_52_8_4() {
        StatusSummary summary = StatusSummary.ofCounts(9, 13, 2, 1);

        assertThat(summary.total()).isEqualTo(25);
        assertThat(summary.percentages()).isEqualTo(Map.of(Status.GREEN, 36, Status.AMBER, 52, Status.RED, 8, Status.GREY, 4));
    }

    @Test
    void thirdsGiveTheSpareSharePointToTheFirstStatus() {
        assertThat(StatusSummary.ofCounts(1, 1, 1, 0).percentages())
                .isEqualTo(Map.of(Status.GREEN, 34, Status.AMBER, 33, Status.RED, 33, Status.GREY, 0));
    }

    @Test
    void largestRemaindersGetTheSparePoints() {
        // 2/7 = 28.57, 2/7 = 28.57, 2/7 = 28.57, 1/7 = 14.29: floors 28+28+28+14 = 98, two spare points
        assertThat(StatusSummary.ofCounts(2, 2, 2, 1).percentages())
                .isEqualTo(Map.of(Status.GREEN, 29, Status.AMBER, 29, Status.RED, 28, Status.GREY, 14));
    }

    @Test
    void anEmptySelectionHasNoPercentages() {
        StatusSummary summary = StatusSummary.ofCounts(0, 0, 0, 0);
        assertThat(summary.total()).isZero();
        assertThat(summary.percentages().values()).containsOnly(0);
    }

    @Property(tries = 2000)
    void percentagesAlwaysAddUpTo100(@ForAll @IntRange(max = 100_000) int green, @ForAll @IntRange(max = 100_000) int amber,
                                     @ForAll @IntRange(max = 100_000) int red, @ForAll @IntRange(max = 100_000) int grey) {
        StatusSummary summary = StatusSummary.ofCounts(green, amber, red, grey);
        int sum = summary.percentages().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(sum).isEqualTo(summary.total() == 0 ? 0 : 100);
    }

    @Property(tries = 2000)
    void noStatusMovesByMoreThanRounding(@ForAll @IntRange(max = 10_000) int green, @ForAll @IntRange(max = 10_000) int amber,
                                         @ForAll @IntRange(max = 10_000) int red, @ForAll @IntRange(max = 10_000) int grey) {
        StatusSummary summary = StatusSummary.ofCounts(green, amber, red, grey);
        for (Status status : Status.values()) {
            BigDecimal shown = BigDecimal.valueOf(summary.percentages().get(status));
            assertThat(shown.subtract(summary.exactPercent(status)).abs()).as(status.name()).isLessThan(BigDecimal.ONE);
            if (summary.counts().get(status) == 0) {
                assertThat(summary.percentages().get(status)).as("a status nobody has shows 0").isZero();
            }
        }
    }

    @Property(tries = 1000)
    void aStatusWithMoreIndicatorsNeverShowsASmallerPercentage(@ForAll @IntRange(max = 500) int green,
                                                              @ForAll @IntRange(max = 500) int amber,
                                                              @ForAll @IntRange(max = 500) int red,
                                                              @ForAll @IntRange(max = 500) int grey) {
        StatusSummary summary = StatusSummary.ofCounts(green, amber, red, grey);
        for (Status a : Status.values()) {
            for (Status b : Status.values()) {
                if (summary.counts().get(a) > summary.counts().get(b)) {
                    assertThat(summary.percentages().get(a)).isGreaterThanOrEqualTo(summary.percentages().get(b));
                }
            }
        }
    }
}
