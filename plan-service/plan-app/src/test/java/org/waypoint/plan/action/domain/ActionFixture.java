package org.waypoint.plan.action.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds actions for tests, from seed 000 (East Ayrshire SIP 2021/24) unless told otherwise. */
public final class ActionFixture {

    public static final Lead JAMIE = new Lead("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example");

    private String planId = "ea-chcj-sip-2021-24";
    private String title = "Review the Covid Multi-Agency Public Protection Operational Oversight arrangements";
    private String reference = "SP-1";
    private String serviceArea = "Children and Justice";
    private List<Lead> leads = List.of(JAMIE);
    private LocalDate startDate;
    private DueDate due = DueDate.parse("2021");
    private int progress;

    public static ActionFixture anAction() {
        return new ActionFixture();
    }

    public ActionFixture due(String asWritten) {
        this.due = DueDate.parse(asWritten);
        return this;
    }

    public ActionFixture startingOn(LocalDate start) {
        this.startDate = start;
        return this;
    }

    public ActionFixture withProgress(int percent) {
        this.progress = percent;
        return this;
    }

    public ActionFixture ledBy(Lead... leads) {
        this.leads = List.of(leads);
        return this;
    }

    public ActionFixture inPlan(String planId) {
        this.planId = planId;
        return this;
    }

    public ActionDetails details() {
        return new ActionDetails(planId, null, reference, title, null, serviceArea, leads, List.of(), startDate, due, null);
    }

    public Action build() {
        return Action.create(ActionId.newId(), details(), progress, "priya.officer", Instant.parse("2021-08-01T09:00:00Z"))
                .action();
    }
}
