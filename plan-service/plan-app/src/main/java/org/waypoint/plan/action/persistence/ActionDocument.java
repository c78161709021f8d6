package org.waypoint.plan.action.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.DueDate;
import org.waypoint.plan.action.domain.Lead;

/**
 * An action as stored in the {@code actions} collection. The document also carries {@code version}
 * and the {@code outbox} of events not yet published, both written by the outbox writer.
 */
public record ActionDocument(
        @Id String id,
        String planId,
        String reference,
        String title,
        String description,
        String serviceArea,
        List<LeadDocument> leads,
        LocalDate startDate,
        LocalDate dueDate,
        String dueAsWritten,
        int progressPercent,
        boolean postponed,
        boolean cancelled,
        LocalDate overdueAnnouncedFor,
        String createdBy,
        Instant createdAt,
        long version) {

    public static final String COLLECTION = "actions";

    public record LeadDocument(String name, String username, String email) {
    }

    static ActionDocument from(Action a) {
        return new ActionDocument(a.id().value(), a.planId(), a.reference(), a.title(), a.description(), a.serviceArea(),
                a.leads().stream().map(l -> new LeadDocument(l.name(), l.username(), l.email())).toList(),
                a.startDate(), a.due().date(), a.due().asWritten(), a.progressPercent(), a.postponed(), a.cancelled(),
                a.overdueAnnouncedFor(), a.createdBy(), a.createdAt(), a.version());
    }

    Action toDomain() {
        return Action.restore(new ActionId(id), planId, reference, title, description, serviceArea,
                leads == null ? List.of() : leads.stream().map(l -> new Lead(l.name(), l.username(), l.email())).toList(),
                startDate, new DueDate(dueDate, dueAsWritten), progressPercent, postponed, cancelled,
                overdueAnnouncedFor, createdBy, createdAt, version);
    }
}
