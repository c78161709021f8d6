package org.waypoint.plan.action.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.plan.action.domain.ActionFixture.anAction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.plan.api.ActionBecameAtRisk;
import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.ActionCompleted;
import org.waypoint.plan.api.ActionCreated;
import org.waypoint.plan.api.ActionDueSoon;
import org.waypoint.plan.api.ActionUpdated;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.api.ProgressRecorded;
import org.waypoint.platform.validation.InvalidInputException;

class ActionTest {

    private static final StatusRule RULE = new StatusRule(25, 14);
    private static final Instant NOW = Instant.parse("2022-01-10T10:00:00Z");

    @ParameterizedTest(name = "start {0}, due {1}, {2}%, postponed {3}, cancelled {4}, on {5}: {6}")
    @CsvSource(nullValues = "-", value = {
            // start       due          %    postponed cancelled today        status
            "-,           2021,        0,   false,    false,    2021-09-01,  NOT_STARTED",
            "-,           2021,        10,  false,    false,    2021-09-01,  ON_TRACK",
            "2021-04-01,  2021,        0,   false,    false,    2021-03-01,  NOT_STARTED",
            "2021-04-01,  2021,        0,   false,    false,    2021-04-10,  ON_TRACK",
            "2021-04-01,  2021,        10,  false,    false,    2022-01-01,  AT_RISK",
            "2021-04-01,  2021,        50,  false,    false,    2022-01-01,  ON_TRACK",
            "2021-04-01,  2021,        49,  false,    false,    2022-01-01,  AT_RISK",
            "-,           2021,        0,   false,    false,    2022-03-31,  NOT_STARTED",
            "-,           2021,        60,  false,    false,    2022-04-01,  OVERDUE",
            "2021-04-01,  2021-24,     10,  false,    false,    2024-04-01,  OVERDUE",
            "-,           2021,        100, false,    false,    2022-04-01,  COMPLETE",
            "-,           2021,        100, false,    true,     2022-04-01,  CANCELLED",
            "-,           2021,        40,  true,     false,    2022-04-01,  POSTPONED",
            "-,           2021,        40,  true,     true,     2021-09-01,  CANCELLED"})
    void statusIsDerivedFromDatesProgressAndFlags(LocalDate start, String due, int progress, boolean postponed,
                                                  boolean cancelled, LocalDate today, ActionStatus expected) {
        Action action = anAction().startingOn(start).due(due).withProgress(progress).build();
        Action flagged = action.update(action.details(), postponed, cancelled, "priya.officer", NOW).action();
        assertThat(flagged.status(today, RULE)).isEqualTo(expected);
    }

    @Test
    void theAtRiskGapIsConfigurable() {
        Action action = anAction().startingOn(LocalDate.of(2021, 4, 1)).due("2021").withProgress(40).build();
        LocalDate halfWay = LocalDate.of(2021, 10, 1);
        assertThat(action.status(halfWay, new StatusRule(25, 14))).isEqualTo(ActionStatus.ON_TRACK);
        assertThat(action.status(halfWay, new StatusRule(5, 14))).isEqualTo(ActionStatus.AT_RISK);
    }

    @Test
    void creatingAnActionAnnouncesIt() {
        var created = Action.create(ActionId.newId(), anAction().due("2022").details(), 0, "priya.officer", NOW);
        assertThat(created.events()).singleElement().isInstanceOfSatisfying(ActionCreated.class,
                e -> assertThat(e.dueDate()).isEqualTo(LocalDate.of(2023, 3, 31)));
    }

    @Test
    void overdueActionIsPublishedOnceAcrossRescans() {
        Action action = anAction().due("2021").build();
        List<PlanEvent> published = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2022, 3, 1); day.isBefore(LocalDate.of(2022, 6, 1)); day = day.plusDays(1)) {
            var reviewed = action.review(day, RULE);
            if (reviewed.isPresent()) {
                published.addAll(reviewed.get().events());
                action = reviewed.get().action();
            }
        }
        assertThat(published).filteredOn(ActionBecameOverdue.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ActionBecameOverdue.class, e -> {
                    assertThat(e.dueDate()).isEqualTo(LocalDate.of(2022, 3, 31));
                    assertThat(e.detectedOn()).isEqualTo(LocalDate.of(2022, 4, 1));
                    assertThat(e.dueAsWritten()).isEqualTo("2021");
                });
        assertThat(published).filteredOn(ActionDueSoon.class::isInstance).singleElement()
                .isInstanceOfSatisfying(ActionDueSoon.class, e -> assertThat(e.detectedOn()).isEqualTo(LocalDate.of(2022, 3, 17)));
    }

    @Test
    void atRiskIsAnnouncedEachTimeTheActionEntersIt() {
        Action action = anAction().startingOn(LocalDate.of(2021, 4, 1)).due("2021").withProgress(10).build();
        var first = action.review(LocalDate.of(2022, 1, 1), RULE).orElseThrow();
        assertThat(first.events()).hasAtLeastOneElementOfType(ActionBecameAtRisk.class);
        assertThat(first.action().review(LocalDate.of(2022, 1, 2), RULE)).isEmpty();

        Action caughtUp = first.action().recordProgress(90, "Caught up", LocalDate.of(2022, 1, 3), "jamie.lead", NOW).action();
        Action backOnTrack = caughtUp.review(LocalDate.of(2022, 1, 3), RULE).orElseThrow().action();
        Action slipped = backOnTrack.update(backOnTrack.details(), false, false, "x", NOW).action()
                .recordProgress(20, "Revised down after audit", LocalDate.of(2022, 1, 4), "jamie.lead", NOW).action();
        assertThat(slipped.review(LocalDate.of(2022, 1, 4), RULE).orElseThrow().events())
                .hasAtLeastOneElementOfType(ActionBecameAtRisk.class);
    }

    @Test
    void movingTheDueDateByAnExceptionReportAllowsANewOverdueLater() {
        Action action = anAction().due("2021").build();
        Action announced = action.review(LocalDate.of(2022, 4, 1), RULE).orElseThrow().action();
        Action revised = announced.reportException("Recruitment delayed", "Interim cover agreed", LocalDate.of(2022, 9, 30),
                "sarah.manager", NOW).action();

        assertThat(revised.status(LocalDate.of(2022, 5, 1), RULE)).isNotEqualTo(ActionStatus.OVERDUE);
        assertThat(revised.review(LocalDate.of(2022, 10, 1), RULE).orElseThrow().events())
                .hasAtLeastOneElementOfType(ActionBecameOverdue.class);
    }

    @Test
    void reachingOneHundredPercentCompletesTheActionOnce() {
        Action action = anAction().due("2021").withProgress(80).build();
        var done = action.recordProgress(100, "Delivered", LocalDate.of(2022, 2, 1), "jamie.lead", NOW);
        assertThat(done.events()).hasExactlyElementsOfTypes(ProgressRecorded.class, ActionCompleted.class);
        assertThat(done.action().recordProgress(100, "Still done", LocalDate.of(2022, 2, 2), "jamie.lead", NOW).events())
                .hasExactlyElementsOfTypes(ProgressRecorded.class);
        assertThat(done.action().nextReviewOn(LocalDate.of(2022, 2, 2), RULE)).isNull();
    }

    @Test
    void anUpdateThatChangesNothingAnnouncesNothing() {
        Action action = anAction().build();
        assertThat(action.update(action.details(), false, false, "priya.officer", NOW).events()).isEmpty();
        var renamed = action.update(anAction().details(), true, false, "priya.officer", NOW);
        assertThat(renamed.events()).singleElement().isInstanceOfSatisfying(ActionUpdated.class,
                e -> assertThat(e.changedFields()).containsExactly("postponed"));
    }

    @Test
    void theNextReviewIsTheFirstDayTimeAloneCouldChangeSomething() {
        Action action = anAction().startingOn(LocalDate.of(2021, 4, 1)).due("2021").withProgress(50).build();
        LocalDate today = LocalDate.of(2021, 9, 1);
        Action reviewed = action.review(today, RULE).orElseThrow().action();
        LocalDate next = reviewed.nextReviewOn(today, RULE);
        assertThat(next).isAfter(today);
        assertThat(reviewed.status(next.minusDays(1), RULE)).isEqualTo(ActionStatus.ON_TRACK);
        assertThat(reviewed.status(next, RULE)).isEqualTo(ActionStatus.AT_RISK);
    }

    @Test
    void progressOutsideZeroToOneHundredIsRefused() {
        Action action = anAction().build();
        assertThatThrownBy(() -> action.recordProgress(101, "too much", LocalDate.of(2021, 9, 1), "jamie.lead", NOW))
                .isInstanceOf(InvalidInputException.class);
    }
}
