package org.waypoint.plan.action.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.ActionCreated;
import org.waypoint.plan.api.LeadRef;
import org.waypoint.plan.api.PlanEvent;

/**
 * An action (deliverable, improvement project) of a plan. Its status is derived from its dates
 * and progress; the overdue announcement is remembered per due date, so that a rescan never
 * repeats it.
 */
public final class Action {

    /** Progress this many points behind the share of time elapsed counts as at risk. */
    public static final int DEFAULT_AT_RISK_GAP = 25;

    private final ActionId id;
    private final String planId;
    private final String reference;
    private final String title;
    private final String description;
    private final String serviceArea;
    private final List<Lead> leads;
    private final LocalDate startDate;
    private final DueDate due;
    private final int progressPercent;
    private final boolean postponed;
    private final boolean cancelled;
    private final LocalDate overdueAnnouncedFor;
    private final String createdBy;
    private final Instant createdAt;
    private final long version;

    private Action(ActionId id, String planId, String reference, String title, String description, String serviceArea,
                   List<Lead> leads, LocalDate startDate, DueDate due, int progressPercent, boolean postponed,
                   boolean cancelled, LocalDate overdueAnnouncedFor, String createdBy, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.planId = planId;
        this.reference = reference;
        this.title = Objects.requireNonNull(title);
        this.description = description;
        this.serviceArea = serviceArea;
        this.leads = List.copyOf(leads);
        this.startDate = startDate;
        this.due = Objects.requireNonNull(due);
        this.progressPercent = progressPercent;
        this.postponed = postponed;
        this.cancelled = cancelled;
        this.overdueAnnouncedFor = overdueAnnouncedFor;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A new action and the event that announces it. */
    public record Created(Action action, List<PlanEvent> events) {
    }

    public static Created create(ActionId id, String planId, String reference, String title, String description,
                                 String serviceArea, List<Lead> leads, LocalDate startDate, DueDate due,
                                 int progressPercent, String createdBy, Instant now) {
        Action action = new Action(id, planId, reference, title, description, serviceArea, leads, startDate, due,
                progressPercent, false, false, null, createdBy, now, 0);
        return new Created(action, List.of(new ActionCreated(id.value(), planId, reference, title, serviceArea,
                action.leadRefs(), due.date(), due.asWritten(), createdBy, now)));
    }

    /** Rebuilds a stored action. */
    public static Action restore(ActionId id, String planId, String reference, String title, String description,
                                 String serviceArea, List<Lead> leads, LocalDate startDate, DueDate due,
                                 int progressPercent, boolean postponed, boolean cancelled,
                                 LocalDate overdueAnnouncedFor, String createdBy, Instant createdAt, long version) {
        return new Action(id, planId, reference, title, description, serviceArea, leads, startDate, due,
                progressPercent, postponed, cancelled, overdueAnnouncedFor, createdBy, createdAt, version);
    }

    /**
     * Checks the action against today's date.
     *
     * @return the action as it now stands and {@link ActionBecameOverdue} if it has just become
     *         overdue for its current due date; nothing if it was already announced
     */
    public Optional<Created> detectOverdue(LocalDate today) {
        if (status(today) != ActionStatus.OVERDUE || due.date().equals(overdueAnnouncedFor)) {
            return Optional.empty();
        }
        Action announced = new Action(id, planId, reference, title, description, serviceArea, leads, startDate, due,
                progressPercent, postponed, cancelled, due.date(), createdBy, createdAt, version);
        return Optional.of(new Created(announced, List.of(new ActionBecameOverdue(id.value(), planId, reference, title,
                serviceArea, leadRefs(), due.date(), due.asWritten(), progressPercent, today))));
    }

    public ActionStatus status(LocalDate today) {
        return status(today, DEFAULT_AT_RISK_GAP);
    }

    /**
     * The derived status. At risk: progress is more than {@code atRiskGap} percentage points behind
     * the share of the time from start to due that has elapsed.
     */
    public ActionStatus status(LocalDate today, int atRiskGap) {
        if (cancelled) {
            return ActionStatus.CANCELLED;
        }
        if (progressPercent >= 100) {
            return ActionStatus.COMPLETE;
        }
        if (postponed) {
            return ActionStatus.POSTPONED;
        }
        if (due.isPassedOn(today)) {
            return ActionStatus.OVERDUE;
        }
        if (startDate != null && today.isBefore(startDate) || progressPercent == 0 && startDate == null) {
            return ActionStatus.NOT_STARTED;
        }
        if (startDate != null) {
            long total = Math.max(1, ChronoUnit.DAYS.between(startDate, due.date()));
            long elapsed = ChronoUnit.DAYS.between(startDate, today);
            double expected = 100.0 * elapsed / total;
            if (progressPercent + atRiskGap < expected) {
                return ActionStatus.AT_RISK;
            }
        }
        return progressPercent == 0 ? ActionStatus.NOT_STARTED : ActionStatus.ON_TRACK;
    }

    private List<LeadRef> leadRefs() {
        return leads.stream().map(l -> new LeadRef(l.name(), l.username(), l.email())).toList();
    }

    public ActionId id() { return id; }
    public String planId() { return planId; }
    public String reference() { return reference; }
    public String title() { return title; }
    public String description() { return description; }
    public String serviceArea() { return serviceArea; }
    public List<Lead> leads() { return leads; }
    public LocalDate startDate() { return startDate; }
    public DueDate due() { return due; }
    public int progressPercent() { return progressPercent; }
    public boolean postponed() { return postponed; }
    public boolean cancelled() { return cancelled; }
    public LocalDate overdueAnnouncedFor() { return overdueAnnouncedFor; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
