package org.waypoint.risk.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.platform.validation.InvalidInputException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BandingTest {

    @ParameterizedTest(name = "{0} x {1} = {2}, {3}")
    @CsvSource({
            // seed 000's register, then the band edges of the default matrix
            "3, 5, 15, HIGH",       // CHCJRISK01
            "4, 5, 20, VERY_HIGH",  // CHCJRISK02
            "3, 4, 12, HIGH",       // CHCJRISK03
            "2, 4,  8, MEDIUM",     // CHCJRISK05
            "2, 2,  4, LOW",        // CHCJRISK06
            "1, 1,  1, LOW",
            "1, 4,  4, LOW",
            "1, 5,  5, MEDIUM",
            "3, 3,  9, MEDIUM",
            "2, 5, 10, HIGH",
            "4, 4, 16, HIGH",
            "5, 4, 20, VERY_HIGH",
            "5, 5, 25, VERY_HIGH"})
    void theDefaultMatrixScoresLikelihoodTimesImpactAndBandsLow1To4Medium5To9High10To16VeryHigh20To25(
            int likelihood, int impact, int score, Band band) {
        Assessment assessment = Assessment.of(new Rating(likelihood, impact), Banding.DEFAULT);

        assertThat(assessment.score()).isEqualTo(score);
        assertThat(assessment.band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "likelihood {0}, impact {1} refused naming {2}")
    @CsvSource({"0, 3, likelihood", "6, 3, likelihood", "3, 0, impact", "3, 6, impact", "-1, 9, likelihood"})
    void ratingsOutside1To5AreRefusedNamingTheField(int likelihood, int impact, String field) {
        assertThatThrownBy(() -> new Rating(likelihood, impact))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // ranges as 'BAND from-to;...' | score | band expected
            "three bands, 1-6 / 8-12 / 15-25   | LOW 1-6;MEDIUM 8-12;HIGH 15-25 | 6  | LOW",
            "three bands, 1-6 / 8-12 / 15-25   | LOW 1-6;MEDIUM 8-12;HIGH 15-25 | 12 | MEDIUM",
            "three bands, 1-6 / 8-12 / 15-25   | LOW 1-6;MEDIUM 8-12;HIGH 15-25 | 15 | HIGH",
            "stricter very high from 15        | LOW 1-4;MEDIUM 5-9;HIGH 10-12;VERY_HIGH 15-25 | 15 | VERY_HIGH",
            "stricter very high from 15        | LOW 1-4;MEDIUM 5-9;HIGH 10-12;VERY_HIGH 15-25 | 12 | HIGH"})
    void bandingByScoreRangesIsConfiguration(String why, String ranges, int score, Band expected) {
        Banding banding = Banding.byScoreRanges(parse(ranges));
        int likelihood = score % 5 == 0 ? 5 : score % 4 == 0 ? 4 : score % 3 == 0 ? 3 : score % 2 == 0 ? 2 : 1;

        assertThat(banding.bandOf(likelihood, score / likelihood)).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a score without band      | LOW 1-4;MEDIUM 5-9;HIGH 10-15;VERY_HIGH 20-25",
            "overlapping ranges        | LOW 1-5;MEDIUM 5-9;HIGH 10-16;VERY_HIGH 20-25",
            "range past 25             | LOW 1-4;MEDIUM 5-9;HIGH 10-16;VERY_HIGH 20-30",
            "higher score in lower band| HIGH 1-4;MEDIUM 5-9;LOW 10-25"})
    void badBandingsAreRefused(String why, String ranges) {
        assertThatThrownBy(() -> Banding.byScoreRanges(parse(ranges))).as(why)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).startsWith("banding"));
    }

    @Test
    void cellByCellBandingCanWeighImpactAboveLikelihood() {
        List<List<Band>> rows = new ArrayList<>();
        for (int l = 1; l <= 5; l++) {
            List<Band> row = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                row.add(i == 5 ? Band.VERY_HIGH : i >= 4 || l * i >= 10 ? Band.HIGH : l * i >= 5 ? Band.MEDIUM : Band.LOW);
            }
            rows.add(row);
        }
        Banding byCells = Banding.byCells(rows);

        assertThat(byCells.bandOf(1, 5)).isEqualTo(Band.VERY_HIGH); // score 5, but catastrophic impact
        assertThat(byCells.bandOf(5, 1)).isEqualTo(Band.MEDIUM);    // score 5 too
        assertThat(byCells.asScoreRanges()).isEmpty();
        assertThat(byCells.describe()).startsWith("by cell");
        assertThat(Banding.byCells(Banding.DEFAULT.cells())).isEqualTo(Banding.DEFAULT);
    }

    @Test
    void theDefaultBandingReadsBackAsItsRanges() {
        assertThat(Banding.DEFAULT.describe()).isEqualTo("Low 1-4, Medium 5-9, High 10-16, Very high 20-25");
        assertThat(Banding.DEFAULT.top()).isEqualTo(Band.VERY_HIGH);
    }

    @Property
    void everyCellHasOneBandAndScoreNeverFallsInALowerBandAsLikelihoodOrImpactRises(
            @ForAll @IntRange(min = 1, max = 5) int likelihood, @ForAll @IntRange(min = 1, max = 5) int impact) {
        Assessment a = Assessment.of(new Rating(likelihood, impact), Banding.DEFAULT);
        assertThat(a.score()).isEqualTo(likelihood * impact);
        if (likelihood < 5) {
            assertThat(Banding.DEFAULT.bandOf(likelihood + 1, impact)).isGreaterThanOrEqualTo(a.band());
        }
        if (impact < 5) {
            assertThat(Banding.DEFAULT.bandOf(likelihood, impact + 1)).isGreaterThanOrEqualTo(a.band());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "up to medium, a high risk is above      | MEDIUM |    | 3 | 4 | true",
            "up to medium, a medium risk is within   | MEDIUM |    | 3 | 3 | false",
            "up to score 12, 12 is within            |        | 12 | 3 | 4 | false",
            "up to score 12, 15 is above             |        | 12 | 3 | 5 | true"})
    void appetiteIsABandOrAScore(String why, Band band, Integer score, int likelihood, int impact, boolean above) {
        Appetite appetite = new Appetite(band, score);
        assertThat(appetite.isExceededBy(Assessment.of(new Rating(likelihood, impact), Banding.DEFAULT))).as(why).isEqualTo(above);
    }

    static List<Banding.ScoreRange> parse(String ranges) {
        List<Banding.ScoreRange> out = new ArrayList<>();
        for (String part : ranges.split(";")) {
            String[] bandAndRange = part.strip().split(" ");
            String[] fromTo = bandAndRange[1].split("-");
            out.add(new Banding.ScoreRange(Band.valueOf(bandAndRange[0]), Integer.parseInt(fromTo[0]), Integer.parseInt(fromTo[1])));
        }
        return out;
    }
}
