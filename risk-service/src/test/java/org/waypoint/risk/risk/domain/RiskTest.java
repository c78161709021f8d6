package org.waypoint.risk.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.risk.risk.domain.RiskFixture.NOW;
import static org.waypoint.risk.risk.domain.RiskFixture.TODAY;
import static org.waypoint.risk.risk.domain.RiskFixture.aRisk;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.risk.api.MitigationOverdue;
import org.waypoint.risk.api.RiskAssessed;
import org.waypoint.risk.api.RiskEscalated;
import org.waypoint.risk.api.RiskRaised;
import org.waypoint.risk.api.RiskReviewDue;
import org.waypoint.risk.api.RiskReviewOverdue;
import org.waypoint.risk.register.domain.Appetite;
import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.register.domain.Banding;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;

class RiskTest {

    private final RiskRegister register = RiskFixture.register();

    @Test
    void aRaisedRiskIsScoredBandedAndAnnouncedWithItsOwner() {
        Risk.Changed raised = aRisk().current(3, 5).target(2, 4).raise();

        Risk risk = raised.risk();
        assertThat(risk.current().score()).isEqualTo(15);
        assertThat(risk.current().band()).isEqualTo(Band.HIGH);
        assertThat(risk.original()).isEqualTo(risk.current());
        assertThat(risk.target().band()).isEqualTo(Band.MEDIUM);
        assertThat(risk.aboveAppetite()).isTrue(); // public protection: appetite up to medium
        assertThat(risk.nextReviewDue()).isEqualTo(TODAY.plusMonths(1));
        assertThat(raised.events()).singleElement().isInstanceOfSatisfying(RiskRaised.class, e -> {
            assertThat(e.owner().email()).isEqualTo("jamie.wilson@waypoint.example");
            assertThat(e.current().band()).isEqualTo("HIGH");
            assertThat(e.code()).isEqualTo("CHCJRISK01");
        });
        assertThat(risk.history()).singleElement().satisfies(h -> assertThat(h.by()).isEqualTo("priya.officer"));
    }

    @Test
    void anUnknownCategoryIsRefusedNamingCategory() {
        assertThatThrownBy(() -> aRisk().category("Weather").raise())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("category");
                    assertThat(e.getMessage()).contains("Weather").contains("Public protection");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "medium to high                 | 2 | 4 | 3 | 4 | HIGHER_BAND                        ",
            "high to very high              | 3 | 4 | 4 | 5 | HIGHER_BAND;TOP_BAND               ",
            "low to very high               | 1 | 2 | 5 | 5 | HIGHER_BAND;TOP_BAND               ",
            "within the band                | 3 | 4 | 4 | 4 |                                    ",
            "down a band                    | 4 | 5 | 3 | 4 |                                    "})
    void movingIntoAHigherBandEscalates(String why, int l0, int i0, int l1, int i1, String reasons) {
        RiskRegister lenient = register.changeCategories(Map.of("Public protection", Appetite.upToBand(Band.VERY_HIGH)),
                "appetite out of the way", "priya.officer", NOW);
        Risk risk = aRisk().in(lenient).current(l0, i0).build();

        Risk.Changed assessed = risk.assess(lenient, Which.CURRENT, new Rating(l1, i1), "monthly review", "jamie.lead", NOW);

        List<String> expected = reasons == null ? List.of() : List.of(reasons.strip().split(";"));
        List<RiskEscalated> escalations = assessed.events().stream().filter(RiskEscalated.class::isInstance)
                .map(RiskEscalated.class::cast).toList();
        if (expected.isEmpty()) {
            assertThat(escalations).as(why).isEmpty();
        } else {
            assertThat(escalations).as(why).singleElement().satisfies(e -> assertThat(e.reasons()).containsExactlyElementsOf(expected));
        }
    }

    @Test
    void aRiskMovingIntoTheTopBandIsEscalatedOnce() {
        Risk risk = aRisk().current(3, 4).build();

        Risk.Changed first = risk.assess(register, Which.CURRENT, new Rating(4, 5), "funding cut confirmed", "jamie.lead", NOW);
        Risk.Changed again = first.risk().assess(register, Which.CURRENT, new Rating(4, 5), "still so", "jamie.lead", NOW);
        Risk.Changed higherStill = again.risk().assess(register, Which.CURRENT, new Rating(5, 5), "worse", "jamie.lead", NOW);

        assertThat(first.events()).filteredOn(RiskEscalated.class::isInstance).hasSize(1);
        assertThat(again.events()).isEmpty();
        assertThat(higherStill.events()).filteredOn(RiskEscalated.class::isInstance).isEmpty(); // same band: no new transition
        assertThat(higherStill.events()).filteredOn(RiskAssessed.class::isInstance).hasSize(1);
        assertThat(higherStill.risk().history()).hasSize(4);
    }

    @Test
    void fallingBackAndRisingAgainIsANewTransition() {
        Risk risk = aRisk().current(3, 4).build();
        Risk up = risk.assess(register, Which.CURRENT, new Rating(4, 5), "up", "jamie.lead", NOW).risk();
        Risk down = up.assess(register, Which.CURRENT, new Rating(3, 4), "down", "jamie.lead", NOW).risk();

        Risk.Changed upAgain = down.assess(register, Which.CURRENT, new Rating(4, 5), "up again", "jamie.lead", NOW);

        assertThat(upAgain.events()).filteredOn(RiskEscalated.class::isInstance).hasSize(1);
    }

    @Test
    void goingAboveAppetiteEscalatesOnceWithoutAChangeOfBand() {
        RiskRegister byScore = register.changeCategories(Map.of("Public protection", Appetite.upToScore(12)),
                "tolerance by score", "priya.officer", NOW);
        Risk risk = aRisk().in(byScore).current(3, 4).build();
        assertThat(risk.aboveAppetite()).isFalse();

        Risk.Changed assessed = risk.assess(byScore, Which.CURRENT, new Rating(4, 4), "worse", "jamie.lead", NOW);

        assertThat(assessed.events()).filteredOn(RiskEscalated.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((RiskEscalated) e).reasons()).containsExactly("ABOVE_APPETITE"));
    }

    @Test
    void assessingTheTargetRecordsOldAndNewButNeverEscalates() {
        Risk risk = aRisk().current(3, 5).target(2, 4).build();

        Risk.Changed assessed = risk.assess(register, Which.TARGET, new Rating(5, 5), "odd but allowed", "jamie.lead", NOW);

        assertThat(assessed.events()).singleElement().isInstanceOfSatisfying(RiskAssessed.class, e -> {
            assertThat(e.assessment()).isEqualTo("TARGET");
            assertThat(e.previous().score()).isEqualTo(8);
            assertThat(e.assessed().score()).isEqualTo(25);
            assertThat(e.previous().band()).isEqualTo("MEDIUM");
            assertThat(e.assessed().band()).isEqualTo("VERY_HIGH");
        });
    }

    @Test
    void aReviewRecordsItsJustificationEvenWhenNothingChanges() {
        Risk risk = aRisk().build();

        Risk.Changed reviewed = risk.review(register, null, "Discussed at management team: no change", null,
                "sarah.manager", NOW, TODAY);

        assertThat(reviewed.events()).isEmpty();
        HistoryEntry last = reviewed.risk().history().getLast();
        assertThat(last.kind()).isEqualTo(HistoryEntry.Kind.REVIEWED);
        assertThat(last.by()).isEqualTo("sarah.manager");
        assertThat(last.justification()).isEqualTo("Discussed at management team: no change");
        assertThat(last.before()).isEqualTo(last.after());
        assertThat(reviewed.risk().lastReviewedOn()).isEqualTo(TODAY);
        assertThat(reviewed.risk().nextReviewDue()).isEqualTo(TODAY.plusMonths(1));
    }

    @Test
    void aReviewWithoutJustificationIsRefused() {
        assertThatThrownBy(() -> aRisk().build().review(register, null, " ", null, "sarah.manager", NOW, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("justification"));
    }

    @Test
    void reviewDueThenOverdueAreEachAnnouncedOncePerReviewDate() {
        Risk risk = aRisk().nextReview(TODAY.plusDays(10)).build();

        Risk due = risk.checkDates(TODAY, 14).orElseThrow().risk();
        assertThat(risk.checkDates(TODAY, 14).orElseThrow().events()).singleElement().isInstanceOf(RiskReviewDue.class);
        assertThat(due.checkDates(TODAY.plusDays(1), 14)).isEmpty();

        var overdue = due.checkDates(TODAY.plusDays(12), 14).orElseThrow();
        assertThat(overdue.events()).singleElement().isInstanceOfSatisfying(RiskReviewOverdue.class,
                e -> assertThat(e.daysOverdue()).isEqualTo(2));
        assertThat(overdue.risk().checkDates(TODAY.plusDays(30), 14)).isEmpty();
    }

    @Test
    void anOpenMitigationPastItsDueDateIsAnnouncedOnce() {
        Risk risk = aRisk().nextReview(TODAY.plusMonths(6)).mitigation("Secure MARAC funding", TODAY.minusDays(1)).build();

        var first = risk.checkDates(TODAY, 14).orElseThrow();
        assertThat(first.events()).singleElement().isInstanceOfSatisfying(MitigationOverdue.class, e -> {
            assertThat(e.mitigationOwner().username()).isEqualTo("jamie.lead");
            assertThat(e.dueDate()).isEqualTo(TODAY.minusDays(1));
        });
        assertThat(first.risk().checkDates(TODAY.plusDays(3), 14)).isEmpty();
    }

    @Test
    void closingRecordsTheReasonAndStopsChecks() {
        Risk risk = aRisk().nextReview(TODAY.minusDays(3)).build();
        Risk.Changed closed = risk.close("Pandemic restrictions lifted", "priya.officer", NOW);

        assertThat(closed.risk().status()).isEqualTo(RiskStatus.CLOSED);
        assertThat(closed.risk().checkDates(TODAY, 14)).isEmpty();
        assertThatThrownBy(() -> closed.risk().close("again", "priya.officer", NOW)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest(name = "{0}: {1} x {2} becomes {3}, escalated {4}")
    @CsvSource(delimiter = '|', value = {
            "stricter banding lifts 15 to very high     | 3 | 5 | VERY_HIGH | true ",
            "stricter banding lifts 12 into high        | 3 | 4 | HIGH      | false",
            "stricter banding leaves 4 low              | 2 | 2 | LOW       | false"})
    void changingTheBandingRebandsEveryRiskAndRecordsIt(String why, int l, int i, Band band, boolean escalated) {
        RiskRegister lenient = register.changeCategories(Map.of("Public protection", Appetite.upToBand(Band.VERY_HIGH)),
                "appetite out of the way", "priya.officer", NOW);
        Risk risk = aRisk().in(lenient).current(l, i).build();
        RiskRegister stricter = lenient.changeBanding(Banding.byScoreRanges(List.of(
                new Banding.ScoreRange(Band.LOW, 1, 4), new Banding.ScoreRange(Band.MEDIUM, 5, 9),
                new Banding.ScoreRange(Band.HIGH, 10, 12), new Banding.ScoreRange(Band.VERY_HIGH, 15, 25))),
                "Committee asked for a stricter matrix", "priya.officer", NOW);

        var rebanded = risk.reband(stricter, NOW).orElseThrow();

        assertThat(rebanded.risk().current().band()).as(why).isEqualTo(band);
        assertThat(rebanded.risk().frameworkRevision()).isEqualTo(stricter.frameworkRevision());
        assertThat(rebanded.events().stream().anyMatch(RiskEscalated.class::isInstance)).as(why).isEqualTo(escalated);
        assertThat(rebanded.risk().reband(stricter, NOW)).as("a second pass does nothing").isEmpty();
        if (band != risk.current().band()) {
            assertThat(rebanded.risk().history().getLast().kind()).isEqualTo(HistoryEntry.Kind.REBANDED);
        }
        assertThat(stricter.changes().getLast().what()).isEqualTo("BANDING_CHANGED");
        assertThat(stricter.changes().getLast().justification()).isEqualTo("Committee asked for a stricter matrix");
    }

    @Test
    void codesAreNormalisedAndCheckedForShape() {
        assertThat(aRisk().code(" chcjrisk01 ").build().code()).isEqualTo("CHCJRISK01");
        assertThatThrownBy(() -> aRisk().code("has space").build())
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "a blank code                      | ' '        | Title       | -          | code       ",
            "a code with a space               | has space  | Title       | -          | code       ",
            "a code of 41 characters           | AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | Title | - | code",
            "a blank title                     | R1         | ' '         | -          | title      ",
            "a title with a tab                | R1         | 'a\tb'      | -          | title      ",
            "a description with a bell         | R1         | Title       | 'a\u0007b' | description"})
    void detailsAPersonGivesAreCheckedNamingTheField(String why, String code, String title, String description,
                                                     String field) {
        assertThatThrownBy(() -> RiskDetails.of(code, title, description, null, "Public protection", RiskFixture.JAMIE, null))
                .as(why).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aStoredRiskReadsAsStoredAndItsOtherDetailsStillChange() {
        Risk raised = aRisk().build();
        RiskDetails asStored = new RiskDetails(raised.code(), "\t=1", "\r=1", null, raised.category(), raised.owner(),
                raised.serviceArea());
        Risk stored = Risk.restore(raised.id(), raised.placement(), asStored, raised.assessments(),
                raised.appetiteStanding(), new Mitigations(raised.mitigations()), raised.reviewCycle(), raised.status(),
                raised.closedReason(), raised.history(), raised.createdBy(), raised.createdAt(), raised.version());

        Risk.Changed changed = stored.changeDetails(register,
                new DetailsChange(null, null, "New factors", null, null, null, null, null), "priya.officer", NOW);

        assertThat(changed.risk().title()).isEqualTo("\t=1");
        assertThat(changed.risk().riskFactors()).isEqualTo("New factors");
        assertThat(changed.risk().history().getLast().detail()).isEqualTo("changed riskFactors");
    }

    @Test
    void aRiskKeepsTheIdItWasRaisedWith() {
        RiskId id = new RiskId("0190a3c2-risk");
        Risk risk = Risk.raise(id, register, aRisk().details(), new Ratings(null, new Rating(3, 5), null),
                ReviewCycle.starting(null, null, TODAY), List.of(), "priya.officer", NOW, false).risk();

        assertThat(risk.id()).isEqualTo(id);
        assertThat(risk.reviewFrequency()).as("quarterly unless told").isEqualTo(ReviewFrequency.QUARTERLY);
        assertThat(risk.nextReviewDue()).isEqualTo(TODAY.plusMonths(3));
    }

    @Test
    void theHeatMapCountsEachRiskOnceAndSetsApartThoseWithoutTheAssessment() {
        List<Risk> risks = List.of(aRisk().current(3, 5).target(2, 4).build(), aRisk().current(3, 5).build(),
                aRisk().current(2, 2).target(1, 1).build());

        HeatMap current = HeatMap.of(risks, Which.CURRENT);
        HeatMap target = HeatMap.of(risks, Which.TARGET);

        assertThat(current.count(3, 5)).isEqualTo(2);
        assertThat(current.count(2, 2)).isEqualTo(1);
        assertThat(current.sumOfCells()).isEqualTo(3);
        assertThat(target.sumOfCells() + target.withoutAssessment()).isEqualTo(3);
        assertThat(target.withoutAssessment()).isEqualTo(1);
    }
}
