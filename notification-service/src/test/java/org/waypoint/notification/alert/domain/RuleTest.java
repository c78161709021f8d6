package org.waypoint.notification.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RuleTest {

    static final Rule RISK_ESCALATED = new Rule("risk-escalated", "org.waypoint.risk.RiskEscalated.v1",
            Map.of("data.reasons", List.of("TOP_BAND", "ABOVE_APPETITE")), "risk", "data.riskId", "data.escalatedAt",
            List.of("data.owner"), Set.of(Audience.SUBJECT, Audience.MANAGER), "risk-escalated", "/risks/{id}",
            "data.serviceArea", null, Set.of(), Set.of());
    static final Rule OVERDUE = new Rule("action-overdue", "org.waypoint.plan.ActionBecameOverdue.v1", Map.of(), "action",
            "data.actionId", "data.dueDate", List.of("data.leads"), Set.of(Audience.SUBJECT), "action-overdue", "/actions/{id}",
            null, Duration.ofDays(14), Set.of("org.waypoint.plan.ActionCompleted.v1"), Set.of("org.waypoint.plan.ActionUpdated.v1"));

    static EventFacts event(String type, Map<String, Object> data) {
        return new EventFacts("e-1", type, Instant.parse("2022-04-01T08:00:00Z"), data);
    }

    @ParameterizedTest(name = "reasons {0} -> alert {1}")
    @CsvSource(delimiter = ';', value = {
            "HIGHER_BAND; false",
            "TOP_BAND; true",
            "ABOVE_APPETITE; true",
            "HIGHER_BAND,TOP_BAND; true",
            "HIGHER_BAND,ABOVE_APPETITE; true"})
    void aRiskEscalationAlertsOnlyForTheTopBandOrAboveAppetite(String reasons, boolean alerts) {
        assertThat(RISK_ESCALATED.matches(event("org.waypoint.risk.RiskEscalated.v1",
                Map.of("riskId", "r-1", "reasons", List.of(reasons.split(",")))))).isEqualTo(alerts);
    }

    @Test
    void anotherEventTypeNeverMatches() {
        assertThat(RISK_ESCALATED.matches(event("org.waypoint.risk.RiskReviewOverdue.v1",
                Map.of("reasons", List.of("TOP_BAND"))))).isFalse();
    }

    @Test
    void theItemTransitionAndLinkComeFromTheEvent() {
        EventFacts overdue = event(OVERDUE.eventType(), Map.of("actionId", "a 7", "dueDate", "2022-03-31"));
        assertThat(OVERDUE.itemId(overdue)).isEqualTo("a 7");
        assertThat(OVERDUE.transition(overdue)).isEqualTo("2022-03-31");
        assertThat(OVERDUE.linkTo("http://localhost:8080/", "a 7")).isEqualTo("http://localhost:8080/actions/a+7");
        assertThat(Alert.identity(OVERDUE.id(), "a 7", "2022-03-31", "Jamie.Wilson@Waypoint.example"))
                .isEqualTo("action-overdue:a 7:2022-03-31:jamie.wilson@waypoint.example");
    }

    @Test
    void anEventThatDoesNotSayWhatItIsAboutIsPoison() {
        assertThatThrownBy(() -> OVERDUE.itemId(event(OVERDUE.eventType(), Map.of("dueDate", "2022-03-31"))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data.actionId");
        Map<String, Object> leadsAsText = new LinkedHashMap<>();
        leadsAsText.put("leads", "Jamie");
        assertThatThrownBy(() -> OVERDUE.people(event(OVERDUE.eventType(), leadsAsText)))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void completionEndsAnEscalationAndSoDoesANewDueDateButNotAnUnrelatedChange() {
        assertThat(OVERDUE.ends(event("org.waypoint.plan.ActionCompleted.v1", Map.of("actionId", "a")), "2022-03-31")).isTrue();
        assertThat(OVERDUE.ends(event("org.waypoint.plan.ActionUpdated.v1", Map.of("actionId", "a", "dueDate", "2022-06-30")),
                "2022-03-31")).isTrue();
        assertThat(OVERDUE.ends(event("org.waypoint.plan.ActionUpdated.v1", Map.of("actionId", "a", "dueDate", "2022-03-31")),
                "2022-03-31")).isFalse();
    }

    @Test
    void pathsReachIntoNestedDataAndTakeTheFirstPresentAlternative() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineId", "l-1");
        line.put("holder", Map.of("name", "Fiona Grant", "username", "fiona.finance"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("line", line);
        data.put("period", null);
        data.put("detectedAt", "2021-10-20T12:00:00Z");
        EventFacts overspend = event("t", data);
        assertThat(overspend.text("data.line.lineId")).isEqualTo("l-1");
        assertThat(overspend.text("data.period|data.detectedAt")).isEqualTo("2021-10-20T12:00:00Z");
        assertThat(overspend.people("data.line.holder")).containsExactly(new PersonRef("Fiona Grant", "fiona.finance", null));
    }
}
