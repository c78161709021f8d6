package org.waypoint.plan.action.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.waypoint.plan.common.domain.FieldChange;

import org.waypoint.plan.api.ActionBecameAtRisk;
import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.ActionCompleted;
import org.waypoint.plan.api.ActionCreated;
import org.waypoint.plan.api.ActionDueSoon;
import org.waypoint.plan.api.ActionUpdated;
import org.waypoint.plan.api.LeadRef;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.api.ProgressRecorded;

/**
 * An action (deliverable, improvement project) of a plan. Immutable: every change returns the
 * action as it now is and the events the change caused. Its status is derived from dates and
 * progress ({@link StatusRule}); each time-driven transition (due soon, at risk, overdue) is
 * announced once, and the action remembers what it announced so that rescans repeat nothing.
 */
public final class Action {

    private final ActionId id;
    private final ActionDetails details;
    private final int progressPercent;
    private final List<ProgressUpdate> progressUpdates;
    private final ExceptionReport exceptionReport;
    private final boolean postponed;
    private final boolean cancelled;
    private final ActionStatus announcedStatus;
    private final LocalDate overdueAnnouncedFor;
    private final LocalDate dueSoonAnnouncedFor;
    private final String createdBy;
    private final Instant createdAt;
    private final long version;

    private Action(ActionId id, ActionDetails details, int progressPercent, List<ProgressUpdate> progressUpdates,
                   ExceptionReport exceptionReport, boolean postponed, boolean cancelled, ActionStatus announcedStatus,
                   LocalDate overdueAnnouncedFor, LocalDate dueSoonAnnouncedFor, String createdBy, Instant createdAt,
                   long version) {
        this.id = Objects.requireNonNull(id);
        this.details = Objects.requireNonNull(details);
        if (progressPercent < 0 || progressPercent > 100) {
            throw new org.waypoint.platform.validation.InvalidInputException("progressPercent", "must be between 0 and 100");
        }
        this.progressPercent = progressPercent;
        this.progressUpdates = List.copyOf(progressUpdates);
        this.exceptionReport = exceptionReport;
        this.postponed = postponed;
        this.cancelled = cancelled;
        this.announcedStatus = announcedStatus;
        this.overdueAnnouncedFor = overdueAnnouncedFor;
        this.dueSoonAnnouncedFor = dueSoonAnnouncedFor;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** An action as it now is, and the events the change that made it caused. */
    public record Changed(Action action, List<PlanEvent> events) {

        public Changed {
            events = List.copyOf(events);
        }
    }

    public static Changed create(ActionId id, ActionDetails details, int progressPercent, String createdBy, Instant now) {
        Action action = new Action(id, details, progressPercent, List.of(), null, false, false, null, null, null,
                createdBy, now, 0);
        return new Changed(action, List.of(new ActionCreated(id.value(), details.planId(), details.reference(),
                details.title(), details.serviceArea(), action.leadRefs(), details.due().date(), details.due().asWritten(),
                createdBy, now)));
    }

    /** Rebuilds a stored action. */
    public static Action restore(ActionId id, ActionDetails details, int progressPercent, List<ProgressUpdate> updates,
                                 ExceptionReport exceptionReport, boolean postponed, boolean cancelled,
                                 ActionStatus announcedStatus, LocalDate overdueAnnouncedFor,
                                 LocalDate dueSoonAnnouncedFor, String createdBy, Instant createdAt, long version) {
        return new Action(id, details, progressPercent, updates, exceptionReport, postponed, cancelled, announcedStatus,
                overdueAnnouncedFor, dueSoonAnnouncedFor, createdBy, createdAt, version);
    }

    // ------------------------------------------------------------------ changes by people

    /** New details, postponement or cancellation. Nothing changed: no event. */
    public Changed update(ActionDetails newDetails, boolean nowPostponed, boolean nowCancelled, String by, Instant now) {
        Action updated = with(newDetails, progressPercent, progressUpdates, exceptionReport, nowPostponed, nowCancelled);
        List<String> changed = changedFields(this, updated);
        if (changed.isEmpty()) {
            return new Changed(this, List.of());
        }
        return new Changed(updated, List.of(updated.updatedEvent(changed, by, now)));
    }

    /** A progress note with the percentage as of a date; reaching 100% completes the action. */
    public Changed recordProgress(int percent, String text, LocalDate asOf, String author, Instant now) {
        if (cancelled) {
            throw new org.waypoint.platform.validation.InvalidInputException("progressPercent",
                    "cannot be recorded on a cancelled action");
        }
        ProgressUpdate update = new ProgressUpdate(asOf, author, text, percent, now);
        List<ProgressUpdate> updates = new ArrayList<>(progressUpdates);
        updates.add(update);
        Action updated = with(details, percent, updates, exceptionReport, postponed, cancelled);
        List<PlanEvent> events = new ArrayList<>();
        events.add(new ProgressRecorded(id.value(), details.planId(), details.reference(), details.title(),
                progressPercent, percent, text, asOf, author, now));
        if (percent == 100 && progressPercent < 100) {
            events.add(new ActionCompleted(id.value(), details.planId(), details.reference(), details.title(),
                    details.serviceArea(), leadRefs(), effectiveDue(), asOf.isAfter(effectiveDue()), author, now));
        }
        return new Changed(updated, events);
    }

    /** Records (or replaces) the exception report; its revised date becomes the date the action is judged by. */
    public Changed reportException(String reason, String correctiveAction, LocalDate revisedDate, String by, Instant now) {
        ExceptionReport report = new ExceptionReport(reason, correctiveAction, revisedDate, by, now);
        if (details.startDate() != null && revisedDate.isBefore(details.startDate())) {
            throw new org.waypoint.platform.validation.InvalidInputException("revisedDate", "must not be before the start date");
        }
        Action updated = with(details, progressPercent, progressUpdates, report, postponed, cancelled);
        return new Changed(updated, List.of(updated.updatedEvent(List.of("exceptionReport"), by, now)));
    }

    /** Withdraws the exception report: the action is judged by its planned due date again. */
    public Changed withdrawException(String by, Instant now) {
        if (exceptionReport == null) {
            return new Changed(this, List.of());
        }
        Action updated = with(details, progressPercent, progressUpdates, null, postponed, cancelled);
        return new Changed(updated, List.of(updated.updatedEvent(List.of("exceptionReport"), by, now)));
    }

    // ------------------------------------------------------------------ changes by the passage of time

    /**
     * Looks at the action on {@code today}: announces each transition (due soon, at risk, overdue)
     * that has not been announced yet. Nothing new: empty.
     */
    public Optional<Changed> review(LocalDate today, StatusRule rule) {
        ActionStatus status = status(today, rule);
        LocalDate due = effectiveDue();
        List<PlanEvent> events = new ArrayList<>();
        ActionStatus announced = announcedStatus;
        LocalDate overdueFor = overdueAnnouncedFor;
        LocalDate dueSoonFor = dueSoonAnnouncedFor;

        if (status == ActionStatus.OVERDUE && !due.equals(overdueAnnouncedFor)) {
            events.add(new ActionBecameOverdue(id.value(), details.planId(), details.reference(), details.title(),
                    details.serviceArea(), leadRefs(), due, dueAsWritten(), progressPercent, today));
            overdueFor = due;
        }
        if (status == ActionStatus.AT_RISK && announcedStatus != ActionStatus.AT_RISK) {
            events.add(new ActionBecameAtRisk(id.value(), details.planId(), details.reference(), details.title(),
                    details.serviceArea(), leadRefs(), due, progressPercent, expectedPercent(today), today));
        }
        if (isOpen(status) && status != ActionStatus.OVERDUE && !due.equals(dueSoonAnnouncedFor)
                && !today.isBefore(due.minusDays(rule.dueSoonDays()))) {
            events.add(new ActionDueSoon(id.value(), details.planId(), details.reference(), details.title(),
                    details.serviceArea(), leadRefs(), due, dueAsWritten(), progressPercent,
                    (int) ChronoUnit.DAYS.between(today, due), today));
            dueSoonFor = due;
        }
        announced = status;
        if (events.isEmpty() && announced == announcedStatus) {
            return Optional.empty();
        }
        Action reviewed = new Action(id, details, progressPercent, progressUpdates, exceptionReport, postponed, cancelled,
                announced, overdueFor, dueSoonFor, createdBy, createdAt, version);
        return Optional.of(new Changed(reviewed, events));
    }

    /**
     * The first day on which the passage of time alone could change what {@link #review} finds:
     * the scan looks at this action again only then. {@code null}: never (closed or postponed).
     */
    public LocalDate nextReviewOn(LocalDate today, StatusRule rule) {
        ActionStatus status = status(today, rule);
        if (status == ActionStatus.COMPLETE || status == ActionStatus.CANCELLED || status == ActionStatus.POSTPONED) {
            return null;
        }
        if (announcedStatus != status) {
            return today; // a transition is waiting to be announced
        }
        LocalDate due = effectiveDue();
        List<LocalDate> candidates = new ArrayList<>();
        if (!due.equals(overdueAnnouncedFor)) {
            candidates.add(due.plusDays(1));
        }
        if (!due.equals(dueSoonAnnouncedFor) && !today.isAfter(due)) {
            candidates.add(due.minusDays(rule.dueSoonDays()));
        }
        if (status != ActionStatus.AT_RISK && details.startDate() != null) {
            atRiskFrom(rule).ifPresent(candidates::add);
        }
        if (details.startDate() != null && today.isBefore(details.startDate())) {
            candidates.add(details.startDate());
        }
        return candidates.stream().map(d -> d.isBefore(today) ? today : d).min(LocalDate::compareTo).orElse(null);
    }

    /** The first day on which, with progress unchanged, the action would count as at risk. */
    private Optional<LocalDate> atRiskFrom(StatusRule rule) {
        LocalDate start = details.startDate();
        long total = Math.max(1, ChronoUnit.DAYS.between(start, effectiveDue()));
        // at risk when floor(100 * elapsed / total) > progress + gap, i.e. elapsed >= (progress + gap + 1) * total / 100
        long threshold = (long) Math.ceil((progressPercent + rule.atRiskGap() + 1) * total / 100.0);
        LocalDate day = start.plusDays(threshold);
        return day.isAfter(effectiveDue()) ? Optional.empty() : Optional.of(day);
    }

    // ------------------------------------------------------------------ derived state

    /** The date the action is judged by: the revised date of a standing exception report, else its due date. */
    public LocalDate effectiveDue() {
        return exceptionReport != null ? exceptionReport.revisedDate() : details.due().date();
    }

    private String dueAsWritten() {
        return exceptionReport != null ? exceptionReport.revisedDate().toString() : details.due().asWritten();
    }

    public ActionStatus status(LocalDate today, StatusRule rule) {
        if (cancelled) {
            return ActionStatus.CANCELLED;
        }
        if (progressPercent >= 100) {
            return ActionStatus.COMPLETE;
        }
        if (postponed) {
            return ActionStatus.POSTPONED;
        }
        if (today.isAfter(effectiveDue())) {
            return ActionStatus.OVERDUE;
        }
        if (details.startDate() != null && expectedPercent(today) > progressPercent + rule.atRiskGap()) {
            return ActionStatus.AT_RISK;
        }
        boolean started = progressPercent > 0 || details.startDate() != null && !today.isBefore(details.startDate());
        return started ? ActionStatus.ON_TRACK : ActionStatus.NOT_STARTED;
    }

    /** The share of the time from start to due that has passed, as a whole percentage (0 without a start date). */
    public int expectedPercent(LocalDate today) {
        LocalDate start = details.startDate();
        if (start == null || !today.isAfter(start)) {
            return 0;
        }
        long total = Math.max(1, ChronoUnit.DAYS.between(start, effectiveDue()));
        long elapsed = Math.min(total, ChronoUnit.DAYS.between(start, today));
        return (int) (100 * elapsed / total);
    }

    private static boolean isOpen(ActionStatus status) {
        return status == ActionStatus.NOT_STARTED || status == ActionStatus.ON_TRACK || status == ActionStatus.AT_RISK
                || status == ActionStatus.OVERDUE;
    }

    /** Usernames of the leads who are known people: they may record progress. */
    public List<String> leadUsernames() {
        return details.leads().stream().map(Lead::username).filter(Objects::nonNull).toList();
    }

    /** The action as readable field values, for the change history. */
    public Map<String, String> describe() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("planId", details.planId());
        fields.put("priorityId", details.priorityId());
        fields.put("reference", details.reference());
        fields.put("title", details.title());
        fields.put("description", details.description());
        fields.put("serviceArea", details.serviceArea());
        fields.put("leads", details.leads().stream().map(l -> l.username() != null ? l.name() + " (" + l.username() + ")" : l.name())
                .collect(Collectors.joining(", ")));
        fields.put("steps", details.steps().stream().map(Step::text).collect(Collectors.joining(" | ")));
        fields.put("startDate", String.valueOf(details.startDate()));
        fields.put("due", details.due().asWritten() + " (" + details.due().date() + ")");
        fields.put("reviewDate", String.valueOf(details.reviewDate()));
        fields.put("progressPercent", String.valueOf(progressPercent));
        fields.put("exceptionReport", exceptionReport == null ? "none"
                : exceptionReport.reason() + " / " + exceptionReport.correctiveAction() + " / revised " + exceptionReport.revisedDate());
        fields.put("postponed", String.valueOf(postponed));
        fields.put("cancelled", String.valueOf(cancelled));
        return fields;
    }

    private static List<String> changedFields(Action before, Action after) {
        return diff(before, after).stream().map(FieldChange::field).toList();
    }

    /** Field by field, what differs between two versions of an action (for the history). */
    public static List<FieldChange> diff(Action before, Action after) {
        Map<String, String> a = before == null ? Map.of() : before.describe();
        Map<String, String> b = after.describe();
        return b.keySet().stream().filter(k -> !Objects.equals(a.get(k), b.get(k)))
                .map(k -> new FieldChange(k, a.get(k), b.get(k))).toList();
    }

    private Action with(ActionDetails newDetails, int percent, List<ProgressUpdate> updates, ExceptionReport report,
                        boolean nowPostponed, boolean nowCancelled) {
        return new Action(id, newDetails, percent, updates, report, nowPostponed, nowCancelled, announcedStatus,
                overdueAnnouncedFor, dueSoonAnnouncedFor, createdBy, createdAt, version);
    }

    private ActionUpdated updatedEvent(List<String> changed, String by, Instant now) {
        return new ActionUpdated(id.value(), details.planId(), details.reference(), details.title(), details.serviceArea(),
                leadRefs(), effectiveDue(), cancelled ? "CANCELLED" : postponed ? "POSTPONED" : null, changed, by, now);
    }

    private List<LeadRef> leadRefs() {
        return details.leads().stream().map(l -> new LeadRef(l.name(), l.username(), l.email())).toList();
    }

    public ActionId id() { return id; }
    public ActionDetails details() { return details; }
    public int progressPercent() { return progressPercent; }
    public List<ProgressUpdate> progressUpdates() { return progressUpdates; }
    public ExceptionReport exceptionReport() { return exceptionReport; }
    public boolean postponed() { return postponed; }
    public boolean cancelled() { return cancelled; }
    public ActionStatus announcedStatus() { return announcedStatus; }
    public LocalDate overdueAnnouncedFor() { return overdueAnnouncedFor; }
    public LocalDate dueSoonAnnouncedFor() { return dueSoonAnnouncedFor; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
