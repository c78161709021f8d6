package org.waypoint.plan.action.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.ActionStatus;
import org.waypoint.plan.action.domain.DueDate;
import org.waypoint.plan.action.domain.ExceptionReport;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.action.domain.ProgressUpdate;
import org.waypoint.plan.action.domain.Step;
import org.waypoint.plan.common.persistence.StoredText;

/**
 * An action as stored in the {@code actions} collection. Beside these fields the document carries
 * {@code version}, the {@code outbox} of events not yet published and the {@code history} of
 * changes, all written by the outbox writer in the same single-document write.
 */
public record ActionDocument(
        @Id String id,
        String planId,
        String priorityId,
        String reference,
        String title,
        String description,
        String serviceArea,
        List<LeadDocument> leads,
        List<StepDocument> steps,
        LocalDate startDate,
        LocalDate dueDate,
        String dueAsWritten,
        LocalDate reviewDate,
        int progressPercent,
        List<ProgressDocument> progressUpdates,
        ExceptionDocument exceptionReport,
        boolean postponed,
        boolean cancelled,
        String announcedStatus,
        LocalDate overdueAnnouncedFor,
        LocalDate dueSoonAnnouncedFor,
        LocalDate effectiveDue,
        LocalDate nextCheckOn,
        String createdBy,
        Instant createdAt,
        long version) {

    public static final String COLLECTION = "actions";

    public record LeadDocument(String name, String username, String email) {
        static LeadDocument of(Lead lead) {
            return lead == null ? null : new LeadDocument(lead.name(), lead.username(), lead.email());
        }

        Lead toDomain() {
            return new Lead(StoredText.oneLine(name), StoredText.oneLine(username), StoredText.oneLine(email));
        }
    }

    public record StepDocument(String text, LeadDocument lead, LocalDate dueDate, String dueAsWritten) {
    }

    public record ProgressDocument(LocalDate asOf, String author, String text, int percent, Instant recordedAt) {
    }

    public record ExceptionDocument(String reason, String correctiveAction, LocalDate revisedDate, String reportedBy,
                                    Instant reportedAt) {
    }

    static ActionDocument from(Action a, LocalDate nextCheckOn) {
        ActionDetails d = a.details();
        ExceptionReport e = a.exceptionReport();
        return new ActionDocument(a.id().value(), d.planId(), d.priorityId(), d.reference(), d.title(), d.description(),
                d.serviceArea(), d.leads().stream().map(LeadDocument::of).toList(),
                d.steps().stream().map(s -> new StepDocument(s.text(), LeadDocument.of(s.lead()),
                        s.due() == null ? null : s.due().date(), s.due() == null ? null : s.due().asWritten())).toList(),
                d.startDate(), d.due().date(), d.due().asWritten(), d.reviewDate(), a.progressPercent(),
                a.progressUpdates().stream().map(p -> new ProgressDocument(p.asOf(), p.author(), p.text(), p.percent(),
                        p.recordedAt())).toList(),
                e == null ? null : new ExceptionDocument(e.reason(), e.correctiveAction(), e.revisedDate(), e.reportedBy(),
                        e.reportedAt()),
                a.postponed(), a.cancelled(), a.announcedStatus() == null ? null : a.announcedStatus().name(),
                a.overdueAnnouncedFor(), a.dueSoonAnnouncedFor(), a.effectiveDue(), nextCheckOn, a.createdBy(),
                a.createdAt(), a.version());
    }

    /** The stored action; text stored before today's text rules is read as they would have it ({@link StoredText}). */
    Action toDomain() {
        ActionDetails details = new ActionDetails(StoredText.oneLine(planId), StoredText.oneLine(priorityId),
                StoredText.oneLine(reference), StoredText.oneLine(title), StoredText.multiLine(description),
                StoredText.oneLine(serviceArea),
                leads == null ? List.of() : leads.stream().filter(Objects::nonNull).map(LeadDocument::toDomain).toList(),
                steps == null ? List.of() : steps.stream().filter(Objects::nonNull).map(s -> new Step(StoredText.oneLine(s.text()),
                        s.lead() == null ? null : s.lead().toDomain(),
                        s.dueDate() == null ? null : new DueDate(s.dueDate(), s.dueAsWritten()))).toList(),
                startDate, new DueDate(dueDate, dueAsWritten), reviewDate);
        return Action.restore(new ActionId(id), details, progressPercent,
                progressUpdates == null ? List.of() : progressUpdates.stream()
                        .map(p -> new ProgressUpdate(p.asOf(), p.author(), StoredText.multiLine(p.text()), p.percent(), p.recordedAt()))
                        .toList(),
                exceptionReport == null ? null : new ExceptionReport(StoredText.multiLine(exceptionReport.reason()),
                        StoredText.multiLine(exceptionReport.correctiveAction()), exceptionReport.revisedDate(), exceptionReport.reportedBy(),
                        exceptionReport.reportedAt()),
                postponed, cancelled, announcedStatus == null ? null : ActionStatus.valueOf(announcedStatus),
                overdueAnnouncedFor, dueSoonAnnouncedFor, createdBy, createdAt, version);
    }
}
