package org.waypoint.plan.action.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionStatus;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.action.domain.StatusRule;

/** An action as the API shows it, with its derived status and the dates it is judged by. */
public record ActionResponse(
        String id,
        String planId,
        String priorityId,
        String reference,
        String title,
        String description,
        String serviceArea,
        List<LeadResponse> leads,
        List<StepResponse> steps,
        LocalDate startDate,
        Due due,
        LocalDate reviewDate,
        int progressPercent,
        int expectedPercent,
        ActionStatus status,
        LocalDate judgedBy,
        ExceptionReportResponse exceptionReport,
        List<ProgressResponse> progressUpdates,
        String createdBy,
        Instant createdAt,
        long version) {

    public record LeadResponse(String name, String username, String email) {
        static LeadResponse of(Lead l) {
            return l == null ? null : new LeadResponse(l.name(), l.username(), l.email());
        }
    }

    /** The date the plan's wording was read as, beside the wording itself. */
    public record Due(LocalDate date, String asWritten) {
    }

    public record StepResponse(int order, String text, LeadResponse lead, Due due) {
    }

    public record ProgressResponse(LocalDate asOf, String author, String text, int progressPercent, Instant recordedAt) {
    }

    public record ExceptionReportResponse(String reason, String correctiveAction, LocalDate revisedDate, String reportedBy,
                                          Instant reportedAt) {
    }

    static ActionResponse of(Action a, LocalDate today, StatusRule rule) {
        var d = a.details();
        var steps = d.steps();
        var e = a.exceptionReport();
        return new ActionResponse(a.id().value(), d.planId(), d.priorityId(), d.reference(), d.title(), d.description(),
                d.serviceArea(), d.leads().stream().map(LeadResponse::of).toList(),
                java.util.stream.IntStream.range(0, steps.size()).mapToObj(i -> new StepResponse(i + 1, steps.get(i).text(),
                        LeadResponse.of(steps.get(i).lead()), steps.get(i).due() == null ? null
                        : new Due(steps.get(i).due().date(), steps.get(i).due().asWritten()))).toList(),
                d.startDate(), new Due(d.due().date(), d.due().asWritten()), d.reviewDate(), a.progressPercent(),
                a.expectedPercent(today), a.status(today, rule), a.effectiveDue(),
                e == null ? null : new ExceptionReportResponse(e.reason(), e.correctiveAction(), e.revisedDate(),
                        e.reportedBy(), e.reportedAt()),
                a.progressUpdates().stream().map(p -> new ProgressResponse(p.asOf(), p.author(), p.text(), p.percent(),
                        p.recordedAt())).toList(),
                a.createdBy(), a.createdAt(), a.version());
    }
}
