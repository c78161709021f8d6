package org.waypoint.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.testsupport.EventContracts;

import tools.jackson.databind.json.JsonMapper;

/** The events the tests feed notification-service are the ones its producers may publish. */
class EventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventContracts contracts = new EventContracts();
    private final Map<String, Object> morag = Events.lead("Morag Clark", "morag.lead", null);

    @Test
    void everyEventBuiltForTheTestsConformsToItsProducersSchemaAndTopic() {
        record Published(String service, String topic, String event) {
        }
        List<Published> events = List.of(
                new Published("plan-service", PlanTopics.PLANS, Events.cloudEvent("plan", "ActionBecameOverdue", "a-1",
                        Events.overdue("a-1", "CJ-1", "Review the kinship care policy", Events.jamie()))),
                new Published("plan-service", PlanTopics.PLANS, Events.cloudEvent("plan", "ActionCompleted", "a-1",
                        Events.completed("a-1", Events.jamie()))),
                new Published("indicator-service", "waypoint.indicators.v1", Events.cloudEvent("indicator",
                        "IndicatorStatusChanged", "i-1", Events.indicatorStatusChanged("i-1", "RED", morag))),
                new Published("indicator-service", "waypoint.indicators.v1", Events.cloudEvent("indicator",
                        "MeasurementMissing", "i-1", Events.measurementMissing("i-1", morag))),
                new Published("risk-service", "waypoint.risks.v1", Events.cloudEvent("risk", "RiskEscalated", "r-1",
                        Events.riskEscalated("r-1", List.of("HIGHER_BAND", "TOP_BAND"), morag))),
                new Published("risk-service", "waypoint.risks.v1", Events.cloudEvent("risk", "RiskReviewOverdue", "r-1",
                        Events.riskReviewOverdue("r-1", morag))),
                new Published("budget-service", "waypoint.budgets.v1", Events.cloudEvent("budget", "OverspendProjected", "l-1",
                        Events.overspendProjected("l-1", morag))));

        for (Published p : events) {
            contracts.assertConforms(p.service(), p.topic(), p.event());
        }
    }

    @Test
    void planEventsCarryWhatPlanServiceWritesDatesAsIsoDays() {
        Map<String, Object> overdue = Events.overdue("a-1", "CJ-1", "Review the kinship care policy", Events.jamie());

        assertThat(overdue).containsEntry("dueDate", "2022-03-31").containsEntry("detectedOn", "2022-04-01")
                .containsEntry("progressPercent", 40).doesNotContainKey("aggregateId");
        assertThat(overdue.get("leads")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                .isEqualTo(Events.jamie());
    }

    @Test
    void anEventItsProducerCouldNotPublishIsRefusedUnlessBrokenOnPurpose() {
        Map<String, Object> broken = Events.overdue("a-1", "CJ-1", "Review the kinship care policy", Events.jamie());
        broken.remove("actionId");

        assertThatThrownBy(() -> Events.cloudEvent("plan", "ActionBecameOverdue", "a-1", broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("actionId");
        assertThat(JSON.readTree(Events.brokenCloudEvent("plan", "ActionBecameOverdue", "a-1", broken)).path("data")
                .has("actionId")).isFalse();
    }
}
