package org.waypoint.notification.alert.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waypoint.notification.Events;
import org.waypoint.notification.alert.application.AlertTemplates;

/** The real templates rendered with event data shaped like the published contracts. */
class ThymeleafAlertTemplatesTest {

    private final ThymeleafAlertTemplates templates = new ThymeleafAlertTemplates();

    private static Map<String, Object> model(Map<String, Object> event, String audience, String url) {
        Map<String, Object> model = new HashMap<>();
        model.put("event", event);
        model.put("item", Map.of("kind", "action", "id", "a-1", "url", url));
        model.put("recipient", Map.of("name", "Jamie Wilson", "email", "j@w.example", "audience", audience));
        model.put("escalateAfterDays", 14L);
        return model;
    }

    @Test
    void anOverdueActionReadsAsBeforeWithTheDueDateInTheSubjectAndALink() {
        AlertTemplates.Rendered lead = templates.render("action-overdue", model(Events.overdue("a-1", "SAFE-2",
                "Support the implementation of the new MAPPA standards", Events.jamie()), "SUBJECT", "http://localhost:8080/actions/a-1"));
        assertThat(lead.subject()).isEqualTo("Overdue action: SAFE-2 Support the implementation of the new MAPPA standards (due 31 Mar 2022)");
        assertThat(lead.text()).startsWith("Dear Jamie Wilson,\n\nAn action you lead is overdue.\n")
                .contains("Due: 31 March 2022 (written in the plan as \"2021\")\n")
                .contains("Progress: 40%").contains("http://localhost:8080/actions/a-1");
        assertThat(lead.html()).contains("href=\"http://localhost:8080/actions/a-1\"").contains("An action you lead is overdue.");

        AlertTemplates.Rendered manager = templates.render("action-overdue", model(Events.overdue("a-1", "SAFE-2",
                "Support the implementation of the new MAPPA standards", Events.jamie()), "MANAGER", "u"));
        assertThat(manager.text()).contains("An action led by a member of your team is overdue.");
        AlertTemplates.Rendered escalated = templates.render("action-overdue", model(Events.overdue("a-1", "SAFE-2",
                "x", Events.jamie()), "MANAGERS_MANAGER", "u"));
        assertThat(escalated.text()).contains("still overdue, 14 days after its leads and their line manager were told");
    }

    @Test
    void aDueDateWrittenAsADateIsNotRepeatedAndAMissingReferenceLeavesTheTitle() {
        Map<String, Object> event = Events.overdue("a-1", null, "Review the Social Work Out of Hours Service", Events.jamie());
        event.put("dueAsWritten", "2022-03-31");
        AlertTemplates.Rendered r = templates.render("action-overdue", model(event, "SUBJECT", "u"));
        assertThat(r.subject()).isEqualTo("Overdue action: Review the Social Work Out of Hours Service (due 31 Mar 2022)");
        assertThat(r.text()).contains("Due: 31 March 2022\n").doesNotContain("written in the plan");
    }

    @Test
    void moneyIsShownInPoundsAndPenceExactly() {
        AlertTemplates.Rendered r = templates.render("overspend-projected",
                model(Events.overspendProjected("l-1", Events.lead("Fiona Grant", "fiona.finance", null)), "SUBJECT", "u"));
        assertThat(r.subject()).isEqualTo("Overspend projected: Care at Home, Care at home staffing (£62,500.00, 2021/22 Q2)");
        assertThat(r.text()).contains("Budget: £1,250,000.00").contains("Projected outturn: £1,312,500.00")
                .contains("(5.00% of budget)");
    }

    @Test
    void theAreaDigestSaysNothingOverdueTodayWhenEmpty() {
        Map<String, Object> model = new HashMap<>();
        model.put("day", "2022-04-01");
        model.put("recipient", Map.of("name", "Sarah Campbell"));
        model.put("items", List.of());
        model.put("portalUrl", "http://localhost:8080");
        model.put("areas", "Children and Justice");
        AlertTemplates.Rendered r = templates.render("area-digest", model);
        assertThat(r.subject()).isEqualTo("Daily digest for Children and Justice, 1 Apr 2022: nothing overdue today");
        assertThat(r.text()).contains("Nothing overdue today");
        model.put("items", List.of(Map.of("subject", "Overdue action: SAFE-2 x (due 31 Mar 2022)", "link", "http://l/actions/1")));
        AlertTemplates.Rendered one = templates.render("area-digest", model);
        assertThat(one.subject()).isEqualTo("Daily digest for Children and Justice, 1 Apr 2022: 1 alert");
        assertThat(one.text()).contains("- Overdue action: SAFE-2 x (due 31 Mar 2022)\n  http://l/actions/1");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("everyTemplate")
    void everyRuleTemplateRendersASubjectABodyWithTheLinkAndHtml(String template, Map<String, Object> event, String subject) {
        for (String audience : List.of("SUBJECT", "MANAGER", "MANAGERS_MANAGER")) {
            AlertTemplates.Rendered r = templates.render(template, model(event, audience, "https://portal.test/x/1"));
            assertThat(r.subject()).as(audience).isEqualTo(subject);
            assertThat(r.text()).as(audience).startsWith("Dear Jamie Wilson,").contains("https://portal.test/x/1")
                    .doesNotContain("[(").doesNotContain("null");
            assertThat(r.html()).as(audience).contains("href=\"https://portal.test/x/1\"").contains("<html");
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyTemplate() {
        var owner = Events.lead("Morag Clark", "morag.lead", null);
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("action-overdue", Events.overdue("a", "SAFE-2", "Support MAPPA", owner),
                        "Overdue action: SAFE-2 Support MAPPA (due 31 Mar 2022)"),
                org.junit.jupiter.params.provider.Arguments.of("action-due-soon", dueSoon(), "Due soon: CW-3 Blended approaches (due 30 Jun 2022)"),
                org.junit.jupiter.params.provider.Arguments.of("indicator-red", Events.indicatorStatusChanged("i", "RED", owner),
                        "Red: CJ-04 Percentage of CPO reports submitted to court by the due date (2021/22 Q3)"),
                org.junit.jupiter.params.provider.Arguments.of("measurement-missing", Events.measurementMissing("i", owner),
                        "Measurement missing: AOP-11 Delayed discharges over two weeks (2021/22 Q2)"),
                org.junit.jupiter.params.provider.Arguments.of("risk-escalated", Events.riskEscalated("r", List.of("TOP_BAND", "ABOVE_APPETITE"), owner),
                        "Risk escalated: CHCJRISK03 Insufficient foster carers to meet demand (score 20, very high)"),
                org.junit.jupiter.params.provider.Arguments.of("risk-review-overdue", Events.riskReviewOverdue("r", owner),
                        "Risk review overdue: DG-R2 Workforce capacity in care at home (due 1 Mar 2022)"),
                org.junit.jupiter.params.provider.Arguments.of("overspend-projected", Events.overspendProjected("l", owner),
                        "Overspend projected: Care at Home, Care at home staffing (£62,500.00, 2021/22 Q2)"));
    }

    private static Map<String, Object> dueSoon() {
        Map<String, Object> event = Events.overdue("a", "CW-3", "Blended approaches", Events.jamie());
        event.put("dueDate", "2022-06-30");
        event.put("dueAsWritten", "June 2022");
        event.put("daysLeft", 14);
        return event;
    }
}
