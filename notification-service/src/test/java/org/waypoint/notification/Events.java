package org.waypoint.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.ActionCompleted;
import org.waypoint.plan.api.LeadRef;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.testsupport.EventContracts;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builders of the CloudEvents the domain services publish, with seed-like values. Plan events are made from
 * plan-service's own records ({@code plan-api}), as it publishes them; the other producers' from their JSON
 * Schemas in {@code infra/contracts/schemas/} (indicator, risk, budget). Every event {@link #cloudEvent} builds
 * is checked against its producer's schema (the envelope and its {@code data}), so a test feeds the service
 * only what its producers may send; one broken on purpose is made with {@link #brokenCloudEvent}.
 */
public final class Events {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EventContracts CONTRACTS = new EventContracts();

    private Events() {
    }

    public static Map<String, Object> lead(String name, String username, String email) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", name);
        lead.put("username", username);
        lead.put("email", email);
        return lead;
    }

    public static Map<String, Object> jamie() {
        return lead("Jamie Wilson", "jamie.lead", null);
    }

    /** The lead of an action as plan-service names it, from a lead made by {@link #lead}. */
    public static LeadRef leadRef(Map<String, Object> lead) {
        return new LeadRef((String) lead.get("name"), (String) lead.get("username"), (String) lead.get("email"));
    }

    /** The data of an {@code ActionBecameOverdue} (due 31 March 2022, found overdue the day after), as a map a test may change. */
    public static Map<String, Object> overdue(String actionId, String reference, String title, Map<String, Object> lead) {
        return data(new ActionBecameOverdue(actionId, "ea-chcj-sip-2021-24", reference, title, "Children and Justice",
                List.of(leadRef(lead)), LocalDate.of(2022, 3, 31), "2021", 40, LocalDate.of(2022, 4, 1)));
    }

    /** The data of an {@code ActionCompleted} (late, just now), as a map a test may change. */
    public static Map<String, Object> completed(String actionId, Map<String, Object> lead) {
        return data(new ActionCompleted(actionId, "ea-chcj-sip-2021-24", null, "Done", "Children and Justice",
                List.of(leadRef(lead)), LocalDate.of(2022, 3, 31), true, "jamie.lead", Instant.now()));
    }

    /** A plan event's {@code data} as plan-service writes it. */
    public static Map<String, Object> data(PlanEvent event) {
        return JSON.convertValue(event, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    public static Map<String, Object> indicatorStatusChanged(String indicatorId, String newStatus, Map<String, Object> owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("indicatorId", indicatorId);
        data.put("code", "CJ-04");
        data.put("name", "Percentage of CPO reports submitted to court by the due date");
        data.put("unit", "PERCENT");
        data.put("serviceArea", "Children and Justice");
        data.put("owner", owner);
        data.put("period", "2021/22 Q3");
        data.put("oldStatus", "AMBER");
        data.put("newStatus", newStatus);
        data.put("newStatusLabel", newStatus.equals("RED") ? "Red" : "Green");
        data.put("reason", "BEYOND_TOLERANCE");
        data.put("value", 71.5);
        data.put("valueAsWritten", "71.5%");
        data.put("target", "85%");
        data.put("commentary", null);
        data.put("needsRemedialCommentary", true);
        data.put("changedAt", "2022-01-14T10:00:00Z");
        return data;
    }

    public static Map<String, Object> measurementMissing(String indicatorId, Map<String, Object> owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("indicatorId", indicatorId);
        data.put("code", "AOP-11");
        data.put("name", "Delayed discharges over two weeks");
        data.put("serviceArea", "Adult and Older People");
        data.put("owner", owner);
        data.put("period", "2021/22 Q2");
        data.put("periodEnd", "2021-09-30");
        data.put("expectedOn", "2021-10-31");
        data.put("daysOverdue", 12);
        data.put("detectedOn", "2021-11-12");
        return data;
    }

    public static Map<String, Object> riskEscalated(String riskId, List<String> reasons, Map<String, Object> owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("riskId", riskId);
        data.put("registerId", "chcj-2021");
        data.put("code", "CHCJRISK03");
        data.put("title", "Insufficient foster carers to meet demand");
        data.put("serviceArea", "Children and Justice");
        data.put("registerName", "Children's Health, Care and Justice risk register");
        data.put("category", "Service delivery");
        data.put("owner", owner);
        data.put("reasons", reasons);
        data.put("previousBand", "HIGH");
        data.put("current", Map.of("likelihood", 4, "impact", 5, "score", 20, "band", "VERY_HIGH"));
        data.put("appetite", "Cautious");
        data.put("escalatedBy", "priya.officer");
        data.put("escalatedAt", "2022-02-01T09:30:00Z");
        return data;
    }

    public static Map<String, Object> riskReviewOverdue(String riskId, Map<String, Object> owner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("riskId", riskId);
        data.put("registerId", "dg-2022");
        data.put("code", "DG-R2");
        data.put("title", "Workforce capacity in care at home");
        data.put("serviceArea", "Adult and Older People");
        data.put("owner", owner);
        data.put("current", Map.of("likelihood", 4, "impact", 4, "score", 16, "band", "HIGH"));
        data.put("reviewFrequency", "QUARTERLY");
        data.put("lastReviewedOn", "2021-12-01");
        data.put("nextReviewDue", "2022-03-01");
        data.put("detectedOn", "2022-03-15");
        data.put("daysOverdue", 14);
        return data;
    }

    public static Map<String, Object> overspendProjected(String lineId, Map<String, Object> holder) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineId", lineId);
        line.put("financialYear", "2021/22");
        line.put("organisation", "East Ayrshire HSCP");
        line.put("serviceArea", "Adult and Older People");
        line.put("division", "Care at Home");
        line.put("fundingSource", "Core");
        line.put("type", "REVENUE");
        line.put("project", null);
        line.put("category", "STAFF");
        line.put("description", "Care at home staffing");
        line.put("holder", holder);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("line", line);
        data.put("period", "2021/22 Q2");
        data.put("budget", "1250000.00");
        data.put("projectedOutturn", "1312500.00");
        data.put("variance", "62500.00");
        data.put("variancePercent", "5.00");
        data.put("redAbovePercent", "2");
        data.put("causedBy", "fiona.finance");
        data.put("detectedAt", "2021-10-20T12:00:00Z");
        return data;
    }

    /**
     * A whole CloudEvent as JSON, as {@code <service>-service} publishes it.
     *
     * @throws AssertionError when it does not conform to the envelope's schema or its data to the type's
     */
    public static String cloudEvent(String id, String service, String type, String subject, Map<String, Object> data) {
        String event = brokenCloudEvent(id, service, type, subject, data);
        var errors = CONTRACTS.validate(JSON.readTree(event));
        if (!errors.isEmpty()) {
            throw new AssertionError("Not an event " + service + "-service may publish: " + errors + "\n" + event);
        }
        return event;
    }

    public static String cloudEvent(String service, String type, String subject, Map<String, Object> data) {
        return cloudEvent(UUID.randomUUID().toString(), service, type, subject, data);
    }

    /**
     * A CloudEvent built as {@link #cloudEvent} builds it but not checked against any schema: a poison event (its
     * data missing what the schema and the rule need), or a type its producer does not publish.
     */
    public static String brokenCloudEvent(String id, String service, String type, String subject, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/waypoint/" + service + "-service");
        event.put("type", "org.waypoint." + service + "." + type + ".v1");
        event.put("subject", subject);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "https://waypoint.example/schemas/" + service + "/" + type + ".v1.json");
        event.put("data", data);
        return JSON.writeValueAsString(event);
    }

    public static String brokenCloudEvent(String service, String type, String subject, Map<String, Object> data) {
        return brokenCloudEvent(UUID.randomUUID().toString(), service, type, subject, data);
    }
}
