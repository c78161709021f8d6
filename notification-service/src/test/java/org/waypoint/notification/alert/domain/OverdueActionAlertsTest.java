package org.waypoint.notification.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.LeadRef;

class OverdueActionAlertsTest {

    private static final Instant NOW = Instant.parse("2022-04-01T08:00:00Z");
    private static final People PEOPLE = username -> Optional.ofNullable(Map.of(
            "jamie.lead", new Person("jamie.lead", "Jamie Wilson", "jamie.wilson@waypoint.example", "sarah.manager"),
            "priya.officer", new Person("priya.officer", "Priya Shah", "priya.shah@waypoint.example", "sarah.manager"),
            "sarah.manager", new Person("sarah.manager", "Sarah Campbell", "sarah.campbell@waypoint.example", null))
            .get(username));

    private static ActionBecameOverdue overdue(LeadRef... leads) {
        return new ActionBecameOverdue("action-1", "plan-1", "SAFE-2", "Support the new MAPPA standards",
                "Justice Services", List.of(leads), LocalDate.of(2022, 3, 31), "2021", 40, LocalDate.of(2022, 4, 1));
    }

    @Test
    void theLeadAndTheirLineManagerAreEachAlertedOnce() {
        List<Alert> alerts = OverdueActionAlerts.raise(
                overdue(new LeadRef("Jamie Wilson", "jamie.lead", null)), "event-1", PEOPLE, NOW);

        assertThat(alerts).extracting(Alert::recipientEmail)
                .containsExactly("jamie.wilson@waypoint.example", "sarah.campbell@waypoint.example");
        assertThat(alerts.get(0).body()).contains("An action you lead is overdue").contains("Due: 31 March 2022 (written in the plan as \"2021\")");
        assertThat(alerts.get(1).body()).contains("led by a member of your team");
    }

    @Test
    void twoLeadsWithTheSameManagerGiveTheManagerOneEmail() {
        List<Alert> alerts = OverdueActionAlerts.raise(overdue(
                new LeadRef("Jamie Wilson", "jamie.lead", null), new LeadRef("Priya Shah", "priya.officer", null)),
                "event-1", PEOPLE, NOW);

        assertThat(alerts).extracting(Alert::recipientEmail).containsExactly(
                "jamie.wilson@waypoint.example", "sarah.campbell@waypoint.example", "priya.shah@waypoint.example");
    }

    @Test
    void aRoleWithoutAnEmailAlertsNobody() {
        assertThat(OverdueActionAlerts.raise(overdue(LeadRefs.role("Senior Manager")), "event-1", PEOPLE, NOW)).isEmpty();
    }

    @Test
    void theAlertIdentityIsTheActionTheDueDateAndThePersonNotTheEvent() {
        var first = OverdueActionAlerts.raise(overdue(new LeadRef("Jamie", null, "Jamie.Wilson@Waypoint.example")), "event-1", PEOPLE, NOW);
        var again = OverdueActionAlerts.raise(overdue(new LeadRef("Jamie", null, "jamie.wilson@waypoint.example")), "event-2", PEOPLE, NOW);

        assertThat(first.get(0).id()).isEqualTo(again.get(0).id())
                .isEqualTo("action-overdue:action-1:2022-03-31:jamie.wilson@waypoint.example");
    }

    private static final class LeadRefs {
        static LeadRef role(String role) {
            return new LeadRef(role, null, null);
        }
    }
}
