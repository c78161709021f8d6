package org.waypoint.risk.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;
import org.waypoint.risk.api.MitigationOverdue;
import org.waypoint.risk.api.PersonRef;
import org.waypoint.risk.api.RiskAssessed;
import org.waypoint.risk.api.RiskClosed;
import org.waypoint.risk.api.RiskEscalated;
import org.waypoint.risk.api.RiskEvent;
import org.waypoint.risk.api.RiskRaised;
import org.waypoint.risk.api.RiskReviewDue;
import org.waypoint.risk.api.RiskReviewOverdue;
import org.waypoint.risk.api.ScoreRef;
import org.waypoint.risk.register.domain.Assessment;
import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;

/**
 * A risk in a register: what could happen and who owns it ({@link RiskDetails}), how it was, is
 * and should be assessed ({@link Assessments}: likelihood x impact, banded by the register's
 * matrix) and how that stands against the register's appetite, its {@link Mitigations}, its
 * {@link ReviewCycle} and the full history of what changed, who changed it, when and why.
 *
 * <p>Immutable: every change returns the risk as it now stands and the events the change causes
 * ({@link Changed}). What was announced is remembered in the risk itself (the band the current
 * assessment was last evaluated in, whether it was above appetite, the review date announced as due
 * or overdue, and per mitigation the due date announced as missed), and saved with the change in
 * one version-checked write, so each transition is published once.
 */
public final class Risk {

    public static final int MAX_CODE = RiskDetails.MAX_CODE;
    public static final int MAX_TITLE = RiskDetails.MAX_TITLE;
    public static final int MAX_TEXT = RiskDetails.MAX_TEXT;
    public static final int MAX_JUSTIFICATION = 2000;
    public static final int MAX_MITIGATIONS = Mitigations.MAX;

    /** The risk after a change, and the events the change causes. */
    public record Changed(Risk risk, List<RiskEvent> events) {

        public Changed {
            events = List.copyOf(events);
        }
    }

    private final RiskId id;
    private final Placement placement;
    private final RiskDetails details;
    private final Assessments assessments;
    private final AppetiteStanding appetite;
    private final Mitigations mitigations;
    private final ReviewCycle reviewCycle;
    private final RiskStatus status;
    private final String closedReason;
    private final List<HistoryEntry> history;
    private final String createdBy;
    private final Instant createdAt;
    private final long version;

    private Risk(RiskId id, Placement placement, RiskDetails details, Assessments assessments, AppetiteStanding appetite,
                 Mitigations mitigations, ReviewCycle reviewCycle, RiskStatus status, String closedReason,
                 List<HistoryEntry> history, String createdBy, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.details = Objects.requireNonNull(details, "details");
        this.assessments = Objects.requireNonNull(assessments, "assessments");
        this.appetite = Objects.requireNonNull(appetite, "appetite");
        this.mitigations = mitigations == null ? new Mitigations(List.of()) : mitigations;
        this.reviewCycle = Objects.requireNonNull(reviewCycle, "reviewCycle");
        this.status = status;
        this.closedReason = closedReason;
        this.history = history == null ? List.of() : List.copyOf(history);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /**
     * Raises a new risk in a register: its category must be one of the register's, its service area
     * is the register's unless the details give one, its assessments are banded and its appetite
     * judged by the register's framework.
     *
     * @param id       made by the caller ({@link RiskId#newId()})
     * @param imported true when the risk comes from an imported register (history says so)
     */
    public static Changed raise(RiskId id, RiskRegister register, RiskDetails details, Ratings ratings,
                                ReviewCycle reviewCycle, List<Mitigation> mitigations, String by, Instant now,
                                boolean imported) {
        RiskDetails placed = details.in(register);
        Assessments assessments = Assessments.of(ratings, register);
        Mitigations given = Mitigations.given(mitigations);
        AppetiteStanding appetite = AppetiteStanding.of(register, placed.category(), assessments.current());
        HistoryEntry raised = new HistoryEntry(now, by, imported ? HistoryEntry.Kind.IMPORTED : HistoryEntry.Kind.RAISED,
                Which.CURRENT.name(), null, assessments.current(), null,
                "original " + assessments.original() + (assessments.target() == null ? "" : ", target " + assessments.target()));
        Risk r = new Risk(id, Placement.in(register), placed, assessments, appetite, given, reviewCycle, RiskStatus.OPEN,
                null, List.of(raised), by, now, 0);
        return new Changed(r, List.of(new RiskRaised(r.id.value(), r.registerId(), r.registerName(), r.code(), r.title(),
                r.category(), r.serviceArea(), r.ownerRef(), ref(r.current()), ref(r.target()), r.aboveAppetite(),
                r.nextReviewDue(), by, now)));
    }

    /** Rebuilds a stored risk. */
    public static Risk restore(RiskId id, Placement placement, RiskDetails details, Assessments assessments,
                               AppetiteStanding appetite, Mitigations mitigations, ReviewCycle reviewCycle,
                               RiskStatus status, String closedReason, List<HistoryEntry> history, String createdBy,
                               Instant createdAt, long version) {
        return new Risk(id, placement, details, assessments, appetite, mitigations, reviewCycle, status, closedReason,
                history, createdBy, createdAt, version);
    }

    // ------------------------------------------------------------------ changes by people

    /**
     * Re-assesses one of the three assessments. A change to the current assessment that moves it
     * into a higher band or above appetite escalates the risk.
     */
    public Changed assess(RiskRegister register, Which which, Rating rating, String justification, String by, Instant now) {
        return assess(register, which, rating, justification, by, now, HistoryEntry.Kind.ASSESSED, "ASSESSMENT");
    }

    private Changed assess(RiskRegister register, Which which, Rating rating, String justification, String by,
                           Instant now, HistoryEntry.Kind kind, String eventKind) {
        requireOpen();
        Objects.requireNonNull(rating, "rating");
        String why = checkJustification(justification);
        Assessment before = assessments.get(which);
        Assessment after = register.assess(rating);
        Assessments assessed = assessments.with(which, after);
        Risk r = with(placement, details, assessed, AppetiteStanding.of(register, details.category(), assessed.current()),
                mitigations, reviewCycle, status, closedReason,
                plus(history, new HistoryEntry(now, by, kind, which.name(), before, after, why, null)));
        List<RiskEvent> events = new ArrayList<>();
        if (!after.equals(before)) {
            events.add(new RiskAssessed(id.value(), registerId(), code(), title(), category(), serviceArea(), ownerRef(),
                    which.name(), eventKind, ref(before), ref(after), r.aboveAppetite(), why, by, now));
        }
        if (which == Which.CURRENT) {
            r.escalation(register, before.band(), aboveAppetite(), by, now).ifPresent(events::add);
        }
        return new Changed(r, events);
    }

    /**
     * A review: the justification is recorded even when nothing changes; the current assessment
     * may change with it; the next review is set (by default one review period from today).
     */
    public Changed review(RiskRegister register, Rating newCurrent, String justification, LocalDate nextReview,
                          String by, Instant now, LocalDate today) {
        requireOpen();
        if (nextReview != null && !nextReview.isAfter(today)) {
            throw new InvalidInputException("nextReviewDue", "must be after today");
        }
        Changed assessed = assess(register, Which.CURRENT, newCurrent == null ? current().rating() : newCurrent,
                justification, by, now, HistoryEntry.Kind.REVIEWED, "REVIEW");
        Risk a = assessed.risk();
        ReviewCycle reviewed = a.reviewCycle.reviewedOn(today, nextReview);
        List<HistoryEntry> entries = new ArrayList<>(a.history);
        HistoryEntry entry = entries.removeLast();
        entries.add(new HistoryEntry(entry.at(), entry.by(), entry.kind(), entry.assessment(), entry.before(),
                entry.after(), entry.justification(), "next review " + reviewed.nextReviewDue()));
        return new Changed(a.with(a.placement, a.details, a.assessments, a.appetite, a.mitigations, reviewed, a.status,
                a.closedReason, entries), assessed.events());
    }

    /** Changes descriptive fields; a new category is checked against the register and may put the risk above appetite. */
    public Changed changeDetails(RiskRegister register, DetailsChange d, String by, Instant now) {
        return changeDetails(register, register, d, by, now);
    }

    /**
     * Changes descriptive fields and, when {@code into} is another register than {@code register}
     * (the one it is in), moves the risk there: its category must be one of that register's, and its
     * three assessments are banded, and its appetite judged, by that register's framework.
     */
    public Changed changeDetails(RiskRegister register, RiskRegister into, DetailsChange d, String by, Instant now) {
        requireOpen();
        List<String> changed = new ArrayList<>();
        boolean moved = !into.id().equals(registerId());
        String title = title();
        String description = description();
        String riskFactors = riskFactors();
        String category = category();
        Person owner = owner();
        String serviceArea = serviceArea();
        ReviewFrequency frequency = reviewCycle.frequency();
        LocalDate nextReviewDue = reviewCycle.nextReviewDue();
        if (d.title() != null && !d.title().strip().equals(title)) {
            title = RiskDetails.checkTitle(d.title());
            changed.add("title");
        }
        if (d.description() != null && !d.description().equals(description)) {
            description = RiskDetails.checkText(d.description(), "description");
            changed.add("description");
        }
        if (d.riskFactors() != null && !d.riskFactors().equals(riskFactors)) {
            riskFactors = RiskDetails.checkText(d.riskFactors(), "riskFactors");
            changed.add("riskFactors");
        }
        if (d.category() != null && !d.category().strip().equalsIgnoreCase(category)) {
            category = into.category(d.category(), "category");
            changed.add("category");
        } else if (moved) {
            category = into.category(category, "category");
        }
        if (d.owner() != null && !d.owner().equals(owner)) {
            owner = d.owner();
            changed.add("owner");
        }
        if (d.serviceArea() != null && !d.serviceArea().strip().equals(serviceArea)) {
            serviceArea = d.serviceArea().strip();
            changed.add("serviceArea");
        }
        if (d.reviewFrequency() != null && d.reviewFrequency() != frequency) {
            frequency = d.reviewFrequency();
            changed.add("reviewFrequency");
        }
        if (d.nextReviewDue() != null && !d.nextReviewDue().equals(nextReviewDue)) {
            nextReviewDue = d.nextReviewDue();
            changed.add("nextReviewDue");
        }
        Placement placed = placement;
        Assessments banded = assessments;
        if (moved) {
            placed = Placement.in(into);
            banded = assessments.rebanded(into.banding());
            changed.add("register (from '" + registerName() + "' to '" + into.name() + "')");
        }
        if (changed.isEmpty()) {
            return new Changed(this, List.of());
        }
        RiskDetails newDetails = new RiskDetails(code(), title, description, riskFactors, category, owner, serviceArea);
        Risk r = with(placed, newDetails, banded, AppetiteStanding.of(into, category, banded.current()), mitigations,
                reviewCycle.rescheduled(frequency, nextReviewDue), status, closedReason,
                plus(history, new HistoryEntry(now, by, HistoryEntry.Kind.DETAILS_CHANGED, null, null, null, null,
                        "changed " + String.join(", ", changed))));
        List<RiskEvent> events = new ArrayList<>();
        r.escalation(into, current().band(), aboveAppetite(), by, now).ifPresent(events::add);
        return new Changed(r, events);
    }

    public Changed addMitigation(Mitigation mitigation, String by, Instant now) {
        requireOpen();
        Mitigations more = mitigations.plus(mitigation);
        return new Changed(with(placement, details, assessments, appetite, more, reviewCycle, status, closedReason,
                plus(history, new HistoryEntry(now, by, HistoryEntry.Kind.MITIGATION_ADDED, null, null, null, null,
                        "mitigation " + mitigation.id() + ": " + abbreviate(mitigation.text())))), List.of());
    }

    public Changed changeMitigation(Mitigation changedMitigation, String by, Instant now) {
        requireOpen();
        Mitigation existing = mitigation(changedMitigation.id())
                .orElseThrow(() -> new InvalidInputException("mitigationId", "risk " + code() + " has no mitigation " + changedMitigation.id()));
        LocalDate announced = Objects.equals(existing.dueDate(), changedMitigation.dueDate()) ? existing.overdueAnnouncedFor() : null;
        Mitigation updated = new Mitigation(existing.id(), changedMitigation.text(), changedMitigation.owner(),
                changedMitigation.dueDate(), changedMitigation.status(), changedMitigation.reduces(), announced);
        return new Changed(with(placement, details, assessments, appetite, mitigations.replacing(updated), reviewCycle,
                status, closedReason,
                plus(history, new HistoryEntry(now, by, HistoryEntry.Kind.MITIGATION_CHANGED, null, null, null, null,
                        "mitigation " + existing.id() + ": " + existing.status() + " -> " + updated.status()
                                + (Objects.equals(existing.dueDate(), updated.dueDate()) ? ""
                                : ", due " + existing.dueDate() + " -> " + updated.dueDate())))), List.of());
    }

    public Changed close(String reason, String by, Instant now) {
        requireOpen();
        String why = checkJustification(reason, "reason");
        Risk r = with(placement, details, assessments, appetite, mitigations, reviewCycle, RiskStatus.CLOSED, why,
                plus(history, new HistoryEntry(now, by, HistoryEntry.Kind.CLOSED, null, null, null, why, null)));
        return new Changed(r, List.of(new RiskClosed(id.value(), registerId(), code(), title(), serviceArea(), ownerRef(),
                ref(current()), why, by, now)));
    }

    // ------------------------------------------------------------------ changes by the register and the passage of time

    /**
     * Re-bands against the register's current framework (banding and appetite) if this risk was
     * last evaluated at an older revision; records what moved.
     */
    public Optional<Changed> reband(RiskRegister register, Instant now) {
        if (frameworkRevision() >= register.frameworkRevision()) {
            return Optional.empty();
        }
        String by = "system";
        String why = "The register's banding or appetite changed (revision " + register.frameworkRevision() + ")";
        Assessments banded = assessments;
        List<HistoryEntry> entries = new ArrayList<>(history);
        for (Which which : Which.values()) {
            Assessment before = banded.get(which);
            if (before == null) {
                continue;
            }
            Assessment after = before.rebanded(register.banding());
            if (!after.equals(before)) {
                banded = banded.with(which, after);
                entries.add(new HistoryEntry(now, by, HistoryEntry.Kind.REBANDED, which.name(), before, after, why, null));
            }
        }
        Risk r = with(placement.atRevision(register.frameworkRevision()), details, banded,
                AppetiteStanding.of(register, category(), banded.current()), mitigations, reviewCycle, status, closedReason,
                entries);
        List<RiskEvent> events = new ArrayList<>();
        if (!r.current().equals(current()) || r.aboveAppetite() != aboveAppetite()) {
            events.add(new RiskAssessed(id.value(), registerId(), code(), title(), category(), serviceArea(), ownerRef(),
                    Which.CURRENT.name(), "REBANDING", ref(current()), ref(r.current()), r.aboveAppetite(), why, by, now));
        }
        if (status == RiskStatus.OPEN) {
            r.escalation(register, current().band(), aboveAppetite(), by, now).ifPresent(events::add);
        }
        return Optional.of(new Changed(r, events));
    }

    /**
     * The scheduled check: the review falls due within {@code notice} days, the review is overdue,
     * or a mitigation is overdue. Each is announced once per date.
     */
    public Optional<Changed> checkDates(LocalDate today, int noticeDays) {
        if (status != RiskStatus.OPEN) {
            return Optional.empty();
        }
        ReviewCycle cycle = reviewCycle;
        Mitigations checked = mitigations;
        List<RiskEvent> events = new ArrayList<>();
        LocalDate nextReviewDue = reviewCycle.nextReviewDue();
        if (reviewCycle.overdueUnannouncedOn(today)) {
            cycle = cycle.announcedOverdue();
            events.add(new RiskReviewOverdue(id.value(), registerId(), code(), title(), serviceArea(), ownerRef(),
                    ref(current()), reviewCycle.frequency().name(), reviewCycle.lastReviewedOn(), nextReviewDue,
                    (int) ChronoUnit.DAYS.between(nextReviewDue, today), today));
        } else if (reviewCycle.dueUnannouncedOn(today, noticeDays)) {
            cycle = cycle.announcedDue();
            events.add(new RiskReviewDue(id.value(), registerId(), code(), title(), serviceArea(), ownerRef(),
                    ref(current()), reviewCycle.frequency().name(), reviewCycle.lastReviewedOn(), nextReviewDue, today));
        }
        for (Mitigation m : mitigations.all()) {
            if (m.isOverdueOn(today) && !m.dueDate().equals(m.overdueAnnouncedFor())) {
                checked = checked.announcedOverdue(m.id());
                events.add(new MitigationOverdue(id.value(), registerId(), code(), title(), serviceArea(), ownerRef(),
                        m.id(), m.text(),
                        m.owner() == null ? null : new PersonRef(m.owner().name(), m.owner().username(), m.owner().email()),
                        m.status().name(), m.dueDate(), today));
            }
        }
        return events.isEmpty() ? Optional.empty()
                : Optional.of(new Changed(with(placement, details, assessments, appetite, checked, cycle, status,
                        closedReason, history), events));
    }

    // ------------------------------------------------------------------ derived state

    public boolean isReviewOverdueOn(LocalDate today) {
        return status == RiskStatus.OPEN && reviewCycle.isOverdueOn(today);
    }

    public Optional<Mitigation> mitigation(String mitigationId) {
        return mitigations.find(mitigationId);
    }

    /** Usernames who own this risk or one of its mitigations (for the write rule on mitigations). */
    public List<String> ownerUsernames(boolean withMitigationOwners) {
        List<String> owners = new ArrayList<>();
        if (owner() != null && owner().username() != null) {
            owners.add(owner().username());
        }
        if (withMitigationOwners) {
            owners.addAll(mitigations.ownerUsernames());
        }
        return owners;
    }

    private Optional<RiskEscalated> escalation(RiskRegister register, Band previousBand, boolean wasAboveAppetite,
                                               String by, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (current().band().isHigherThan(previousBand)) {
            reasons.add("HIGHER_BAND");
            if (current().band() == register.banding().top()) {
                reasons.add("TOP_BAND");
            }
        }
        if (aboveAppetite() && !wasAboveAppetite) {
            reasons.add("ABOVE_APPETITE");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RiskEscalated(id.value(), registerId(), registerName(), code(), title(), category(),
                serviceArea(), ownerRef(), reasons, previousBand.name(), ref(current()), appetite(), by, now));
    }

    private Risk with(Placement newPlacement, RiskDetails newDetails, Assessments newAssessments,
                      AppetiteStanding newAppetite, Mitigations newMitigations, ReviewCycle newReviewCycle,
                      RiskStatus newStatus, String newClosedReason, List<HistoryEntry> newHistory) {
        return new Risk(id, newPlacement, newDetails, newAssessments, newAppetite, newMitigations, newReviewCycle,
                newStatus, newClosedReason, newHistory, createdBy, createdAt, version);
    }

    private static List<HistoryEntry> plus(List<HistoryEntry> history, HistoryEntry entry) {
        List<HistoryEntry> more = new ArrayList<>(history);
        more.add(entry);
        return more;
    }

    private void requireOpen() {
        if (status != RiskStatus.OPEN) {
            throw new InvalidInputException("status", "risk " + code() + " is closed");
        }
    }

    private static String checkJustification(String justification) {
        return checkJustification(justification, "justification");
    }

    private static String checkJustification(String justification, String field) {
        if (justification == null || justification.isBlank()) {
            throw new InvalidInputException(field, "must say why");
        }
        if (justification.length() > MAX_JUSTIFICATION) {
            throw new InvalidInputException(field, "must be at most " + MAX_JUSTIFICATION + " characters");
        }
        Text.multiLine(field, justification);
        return justification.strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    static ScoreRef ref(Assessment a) {
        return a == null ? null : new ScoreRef(a.likelihood(), a.impact(), a.score(), a.band().name());
    }

    private PersonRef ownerRef() {
        Person owner = owner();
        return owner == null ? null : new PersonRef(owner.name(), owner.username(), owner.email());
    }

    // ------------------------------------------------------------------ what it holds

    public RiskId id() { return id; }
    public Placement placement() { return placement; }
    public RiskDetails details() { return details; }
    public Assessments assessments() { return assessments; }
    public AppetiteStanding appetiteStanding() { return appetite; }
    public ReviewCycle reviewCycle() { return reviewCycle; }
    public RiskStatus status() { return status; }
    public String closedReason() { return closedReason; }
    public List<HistoryEntry> history() { return history; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }

    // ------------------------------------------------------------------ shortcuts into the parts

    public String registerId() { return placement.registerId(); }
    public String registerName() { return placement.registerName(); }
    public int frameworkRevision() { return placement.frameworkRevision(); }
    public String code() { return details.code(); }
    public String title() { return details.title(); }
    public String description() { return details.description(); }
    public String riskFactors() { return details.riskFactors(); }
    public String category() { return details.category(); }
    public Person owner() { return details.owner(); }
    public String serviceArea() { return details.serviceArea(); }
    public Assessment original() { return assessments.original(); }
    public Assessment current() { return assessments.current(); }
    public Assessment target() { return assessments.target(); }
    public Assessment assessment(Which which) { return assessments.get(which); }
    public boolean aboveAppetite() { return appetite.aboveAppetite(); }
    public String appetite() { return appetite.appetite(); }
    public List<Mitigation> mitigations() { return mitigations.all(); }
    public ReviewFrequency reviewFrequency() { return reviewCycle.frequency(); }
    public LocalDate lastReviewedOn() { return reviewCycle.lastReviewedOn(); }
    public LocalDate nextReviewDue() { return reviewCycle.nextReviewDue(); }
}
