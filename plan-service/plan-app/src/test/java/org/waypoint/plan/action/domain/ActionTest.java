package org.waypoint.plan.action.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.plan.action.domain.ActionFixture.anAction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.ActionCreated;

class ActionTest {

    private static final LocalDate AFTER_DUE = LocalDate.of(2022, 4, 1);

    @Test
    void creatingAnActionAnnouncesIt() {
        var created = Action.create(ActionId.newId(), "plan", "SP-1", "Title", null, null,
                java.util.List.of(Lead.role("Senior Manager")), null, DueDate.parse("2022"), 0, "priya.officer",
                java.time.Instant.now());
        assertThat(created.events()).singleElement().isInstanceOf(ActionCreated.class);
        assertThat(((ActionCreated) created.events().get(0)).dueDate()).isEqualTo(LocalDate.of(2023, 3, 31));
    }

    @Test
    void anActionPastItsDueDateAndNotCompleteIsOverdue() {
        assertThat(anAction().due("2021").withProgress(60).build().status(AFTER_DUE)).isEqualTo(ActionStatus.OVERDUE);
        assertThat(anAction().due("2021").withProgress(60).build().status(LocalDate.of(2022, 3, 31)))
                .isNotEqualTo(ActionStatus.OVERDUE);
    }

    @Test
    void aCompleteActionIsNeverOverdue() {
        assertThat(anAction().due("2021").withProgress(100).build().status(AFTER_DUE)).isEqualTo(ActionStatus.COMPLETE);
    }

    @Test
    void progressWellBehindTheTimeElapsedIsAtRisk() {
        Action action = anAction().startingOn(LocalDate.of(2021, 4, 1)).due("2021").withProgress(10).build();
        // about three quarters of the year gone, 10% done
        assertThat(action.status(LocalDate.of(2022, 1, 1))).isEqualTo(ActionStatus.AT_RISK);
        assertThat(anAction().startingOn(LocalDate.of(2021, 4, 1)).due("2021").withProgress(60).build()
                .status(LocalDate.of(2022, 1, 1))).isEqualTo(ActionStatus.ON_TRACK);
    }

    @Test
    void overdueActionIsAnnouncedOnceForItsDueDate() {
        Action action = anAction().due("2021").build();

        var first = action.detectOverdue(AFTER_DUE);
        assertThat(first).isPresent();
        assertThat(first.get().events()).singleElement().isInstanceOfSatisfying(ActionBecameOverdue.class, e -> {
            assertThat(e.dueDate()).isEqualTo(LocalDate.of(2022, 3, 31));
            assertThat(e.dueAsWritten()).isEqualTo("2021");
            assertThat(e.leads()).extracting(l -> l.email()).containsExactly("jamie.wilson@waypoint.example");
        });

        Action announced = first.get().action();
        assertThat(announced.detectOverdue(AFTER_DUE)).isEmpty();
        assertThat(announced.detectOverdue(AFTER_DUE.plusMonths(6))).isEmpty();
    }

    @Test
    void anActionNotYetDueAnnouncesNothing() {
        assertThat(anAction().due("2021").build().detectOverdue(LocalDate.of(2022, 3, 31))).isEmpty();
    }
}
