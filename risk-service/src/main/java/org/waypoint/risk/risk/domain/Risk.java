package org.waypoint.risk.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

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
import org.waypoint.risk.register.domain.Appetite;
import org.waypoint.risk.register.domain.Assessment;
import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;

/**
 * A risk in a register: what could happen, who owns it, how it was, is and should be assessed
 * (likelihood x impact, banded by the register's matrix), its mitigations, its review cycle and
 * the full history of what changed, who changed it, when and why.
 *
 * <p>Every method returns the risk as it now stands and the events the change causes. What was
 * announced is remembered in the risk itself (the band the current assessment was last evaluated
 * in, whether it was above appetite, the review date announced as due or overdue, and per
 * mitigation the due date announced as missed), and saved with the change in one version-checked
 * write, so each transition is published once.
 */
public final class Risk {

    public static final int MAX_CODE = 40;
    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 5000;
    public static final int MAX_JUSTIFICATION = 2000;
    public static final int MAX_MITIGATIONS = 100;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    /** The risk after a change, and the events the change causes. */
    public record Changed(Risk risk, List<RiskEvent> events) {
    }

    /**
     * The fields a person may change in one go; null keeps what is there. {@code registerId} moves
     * the risk to another register. One-line fields refuse control characters, multi-line ones all
     * but line breaks and tabs (400 naming the field).
     */
    public record Details(String title, String description, String riskFactors, String category, Person owner,
                          String serviceArea, String registerId, ReviewFrequency reviewFrequency, LocalDate nextReviewDue) {

        public Details {
            Text.oneLine("title", title);
            Text.multiLine("description", description);
            Text.multiLine("riskFactors", riskFactors);
            Text.oneLine("category", category);
            Text.oneLine("serviceArea", serviceArea);
            Text.oneLine("registerId", registerId);
            if (serviceArea != null && serviceArea.isBlank()) {
                throw new InvalidInputException("serviceArea", "must not be blank: a risk always has a service area");
            }
            if (registerId != null && registerId.isBlank()) {
                throw new InvalidInputException("registerId", "must not be blank");
            }
        }

        public Details(String title, String description, String riskFactors, String category, Person owner,
                       String serviceArea, ReviewFrequency reviewFrequency, LocalDate nextReviewDue) {
            this(title, description, riskFactors, category, owner, serviceArea, null, reviewFrequency, nextReviewDue);
        }
    }

    private String id;
    private String registerId;
    private String registerName;
    private String code;
    private String title;
    private String description;
    private String riskFactors;
    private String category;
    private Person owner;
    private String serviceArea;
    private Assessment original;
    private Assessment current;
    private Assessment target;
    private boolean aboveAppetite;
    private String appetite;
    private List<Mitigation> mitigations;
    private ReviewFrequency reviewFrequency;
    private LocalDate lastReviewedOn;
    private LocalDate nextReviewDue;
    private LocalDate reviewDueAnnouncedFor;
    private LocalDate reviewOverdueAnnouncedFor;
    private RiskStatus status;
    private String closedReason;
    private int frameworkRevision;
    private List<HistoryEntry> history;
    private String createdBy;
    private Instant createdAt;
    private long version;

    private Risk() {
    }

    private Risk copy() {
        return assemble(id, registerId, registerName, code, title, description, riskFactors, category, owner, serviceArea,
                original, current, target, aboveAppetite, appetite, new ArrayList<>(mitigations), reviewFrequency, lastReviewedOn,
                nextReviewDue, reviewDueAnnouncedFor, reviewOverdueAnnouncedFor, status, closedReason, frameworkRevision,
                new ArrayList<>(history), createdBy, createdAt, version);
    }

    private Risk frozen() {
        mitigations = List.copyOf(mitigations);
        history = List.copyOf(history);
        return this;
    }

    /**
     * Raises a new risk in a register.
     *
     * @param original before any control; the current assessment when not given
     * @param target   may be null
     * @param imported true when the risk comes from an imported register (history says so)
     */
    public static Changed raise(RiskRegister register, String code, String title, String description, String riskFactors,
                                String category, Person owner, String serviceArea, Rating original, Rating current,
                                Rating target, ReviewFrequency frequency, LocalDate nextReviewDue,
                                List<Mitigation> mitigations, String by, Instant now, LocalDate today, boolean imported) {
        Risk r = new Risk();
        r.id = UUID.randomUUID().toString();
        r.registerId = register.id();
        r.registerName = register.name();
        r.code = checkCode(code);
        r.title = checkTitle(title);
        r.description = checkText(description, "description");
        r.riskFactors = checkText(riskFactors, "riskFactors");
        r.category = register.category(category, "category");
        r.owner = owner;
        r.serviceArea = serviceAreaIn(register, serviceArea);
        if (current == null) {
            throw new InvalidInputException("current", "must be given: likelihood and impact 1-5");
        }
        r.current = register.assess(current);
        r.original = register.assess(original == null ? current : original);
        r.target = register.assess(target);
        r.mitigations = new ArrayList<>(mitigations == null ? List.of() : mitigations);
        if (r.mitigations.size() > MAX_MITIGATIONS) {
            throw new InvalidInputException("mitigations", "must be at most " + MAX_MITIGATIONS);
        }
        r.reviewFrequency = frequency == null ? ReviewFrequency.QUARTERLY : frequency;
        r.nextReviewDue = nextReviewDue == null ? r.reviewFrequency.nextAfter(today) : nextReviewDue;
        r.status = RiskStatus.OPEN;
        r.frameworkRevision = register.frameworkRevision();
        r.evaluateAppetite(register);
        r.history = new ArrayList<>();
        r.history.add(new HistoryEntry(now, by, imported ? HistoryEntry.Kind.IMPORTED : HistoryEntry.Kind.RAISED,
                Which.CURRENT.name(), null, r.current, null,
                "original " + r.original + (r.target == null ? "" : ", target " + r.target)));
        r.createdBy = by;
        r.createdAt = now;
        r.version = 0;
        r.frozen();
        return new Changed(r, List.of(new RiskRaised(r.id, r.registerId, r.registerName, r.code, r.title, r.category,
                r.serviceArea, r.ownerRef(), ref(r.current), ref(r.target), r.aboveAppetite, r.nextReviewDue, by, now)));
    }

    /** Rebuilds a stored risk. */
    public static Risk restore(String id, String registerId, String registerName, String code, String title,
                               String description, String riskFactors, String category, Person owner,
                               String serviceArea, Assessment original, Assessment current, Assessment target,
                               boolean aboveAppetite, String appetite, List<Mitigation> mitigations,
                               ReviewFrequency reviewFrequency, LocalDate lastReviewedOn, LocalDate nextReviewDue,
                               LocalDate reviewDueAnnouncedFor, LocalDate reviewOverdueAnnouncedFor, RiskStatus status,
                               String closedReason, int frameworkRevision, List<HistoryEntry> history,
                               String createdBy, Instant createdAt, long version) {
        return assemble(id, registerId, registerName, code, title, description, riskFactors, category, owner, serviceArea,
                original, current, target, aboveAppetite, appetite, mitigations == null ? List.of() : mitigations, reviewFrequency,
                lastReviewedOn, nextReviewDue, reviewDueAnnouncedFor, reviewOverdueAnnouncedFor, status, closedReason,
                frameworkRevision, history == null ? List.of() : history, createdBy, createdAt, version).frozen();
    }

    private static Risk assemble(String id, String registerId, String registerName, String code, String title,
                               String description, String riskFactors, String category, Person owner,
                               String serviceArea, Assessment original, Assessment current, Assessment target,
                               boolean aboveAppetite, String appetite, List<Mitigation> mitigations,
                               ReviewFrequency reviewFrequency, LocalDate lastReviewedOn, LocalDate nextReviewDue,
                               LocalDate reviewDueAnnouncedFor, LocalDate reviewOverdueAnnouncedFor, RiskStatus status,
                               String closedReason, int frameworkRevision, List<HistoryEntry> history,
                               String createdBy, Instant createdAt, long version) {
        Risk r = new Risk();
        r.id = id;
        r.registerId = registerId;
        r.registerName = registerName;
        r.code = code;
        r.title = title;
        r.description = description;
        r.riskFactors = riskFactors;
        r.category = category;
        r.owner = owner;
        r.serviceArea = serviceArea;
        r.original = original;
        r.current = current;
        r.target = target;
        r.aboveAppetite = aboveAppetite;
        r.appetite = appetite;
        r.mitigations = mitigations;
        r.reviewFrequency = reviewFrequency;
        r.lastReviewedOn = lastReviewedOn;
        r.nextReviewDue = nextReviewDue;
        r.reviewDueAnnouncedFor = reviewDueAnnouncedFor;
        r.reviewOverdueAnnouncedFor = reviewOverdueAnnouncedFor;
        r.status = status;
        r.closedReason = closedReason;
        r.frameworkRevision = frameworkRevision;
        r.history = history;
        r.createdBy = createdBy;
        r.createdAt = createdAt;
        r.version = version;
        return r;
    }

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
        Risk r = copy();
        Assessment before = r.get(which);
        Assessment after = register.assess(rating);
        r.set(which, after);
        boolean wasAbove = r.aboveAppetite;
        r.evaluateAppetite(register);
        r.history.add(new HistoryEntry(now, by, kind, which.name(), before, after, why, null));
        List<RiskEvent> events = new ArrayList<>();
        if (!after.equals(before)) {
            events.add(new RiskAssessed(id, registerId, code, title, category, serviceArea, ownerRef(), which.name(),
                    eventKind, ref(before), ref(after), r.aboveAppetite, why, by, now));
        }
        if (which == Which.CURRENT) {
            r.escalation(register, before.band(), wasAbove, by, now).ifPresent(events::add);
        }
        return new Changed(r.frozen(), List.copyOf(events));
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
        Changed assessed = assess(register, Which.CURRENT, newCurrent == null ? current.rating() : newCurrent,
                justification, by, now, HistoryEntry.Kind.REVIEWED, "REVIEW");
        Risk r = assessed.risk().copy();
        r.lastReviewedOn = today;
        r.nextReviewDue = nextReview == null ? reviewFrequency.nextAfter(today) : nextReview;
        HistoryEntry entry = r.history.removeLast();
        r.history.add(new HistoryEntry(entry.at(), entry.by(), entry.kind(), entry.assessment(), entry.before(),
                entry.after(), entry.justification(), "next review " + r.nextReviewDue));
        return new Changed(r.frozen(), assessed.events());
    }

    /**
     * Re-bands against the register's current framework (banding and appetite) if this risk was
     * last evaluated at an older revision; records what moved.
     */
    public Optional<Changed> reband(RiskRegister register, Instant now) {
        if (frameworkRevision >= register.frameworkRevision()) {
            return Optional.empty();
        }
        Risk r = copy();
        r.frameworkRevision = register.frameworkRevision();
        List<RiskEvent> events = new ArrayList<>();
        String by = "system";
        String why = "The register's banding or appetite changed (revision " + register.frameworkRevision() + ")";
        boolean wasAbove = r.aboveAppetite;
        for (Which which : Which.values()) {
            Assessment before = r.get(which);
            if (before == null) {
                continue;
            }
            Assessment after = before.rebanded(register.banding());
            if (!after.equals(before)) {
                r.set(which, after);
                r.history.add(new HistoryEntry(now, by, HistoryEntry.Kind.REBANDED, which.name(), before, after, why, null));
            }
        }
        r.evaluateAppetite(register);
        if (!r.current.equals(current) || r.aboveAppetite != wasAbove) {
            events.add(new RiskAssessed(id, registerId, code, title, category, serviceArea, ownerRef(),
                    Which.CURRENT.name(), "REBANDING", ref(current), ref(r.current), r.aboveAppetite, why, by, now));
        }
        if (status == RiskStatus.OPEN) {
            r.escalation(register, current.band(), wasAbove, by, now).ifPresent(events::add);
        }
        return Optional.of(new Changed(r.frozen(), List.copyOf(events)));
    }

    /** Changes descriptive fields; a new category is checked against the register and may put the risk above appetite. */
    public Changed changeDetails(RiskRegister register, Details d, String by, Instant now) {
        return changeDetails(register, register, d, by, now);
    }

    /**
     * Changes descriptive fields and, when {@code into} is another register than {@code register}
     * (the one it is in), moves the risk there: its category must be one of that register's, and its
     * three assessments are banded, and its appetite judged, by that register's framework.
     */
    public Changed changeDetails(RiskRegister register, RiskRegister into, Details d, String by, Instant now) {
        requireOpen();
        Risk r = copy();
        List<String> changed = new ArrayList<>();
        boolean moved = !into.id().equals(registerId);
        if (d.title() != null && !d.title().strip().equals(title)) {
            r.title = checkTitle(d.title());
            changed.add("title");
        }
        if (d.description() != null && !d.description().equals(description)) {
            r.description = checkText(d.description(), "description");
            changed.add("description");
        }
        if (d.riskFactors() != null && !d.riskFactors().equals(riskFactors)) {
            r.riskFactors = checkText(d.riskFactors(), "riskFactors");
            changed.add("riskFactors");
        }
        if (d.category() != null && !d.category().strip().equalsIgnoreCase(category)) {
            r.category = into.category(d.category(), "category");
            changed.add("category");
        } else if (moved) {
            r.category = into.category(category, "category");
        }
        if (d.owner() != null && !d.owner().equals(owner)) {
            r.owner = d.owner();
            changed.add("owner");
        }
        if (d.serviceArea() != null && !d.serviceArea().strip().equals(serviceArea)) {
            r.serviceArea = d.serviceArea().strip();
            changed.add("serviceArea");
        }
        if (d.reviewFrequency() != null && d.reviewFrequency() != reviewFrequency) {
            r.reviewFrequency = d.reviewFrequency();
            changed.add("reviewFrequency");
        }
        if (d.nextReviewDue() != null && !d.nextReviewDue().equals(nextReviewDue)) {
            r.nextReviewDue = d.nextReviewDue();
            changed.add("nextReviewDue");
        }
        if (moved) {
            r.registerId = into.id();
            r.registerName = into.name();
            r.frameworkRevision = into.frameworkRevision();
            for (Which which : Which.values()) {
                Assessment before = r.get(which);
                if (before != null) {
                    r.set(which, before.rebanded(into.banding()));
                }
            }
            changed.add("register (from '" + registerName + "' to '" + into.name() + "')");
        }
        if (changed.isEmpty()) {
            return new Changed(this, List.of());
        }
        boolean wasAbove = r.aboveAppetite;
        r.evaluateAppetite(into);
        r.history.add(new HistoryEntry(now, by, HistoryEntry.Kind.DETAILS_CHANGED, null, null, null, null,
                "changed " + String.join(", ", changed)));
        List<RiskEvent> events = new ArrayList<>();
        r.escalation(into, current.band(), wasAbove, by, now).ifPresent(events::add);
        return new Changed(r.frozen(), List.copyOf(events));
    }

    public Changed addMitigation(Mitigation mitigation, String by, Instant now) {
        requireOpen();
        if (mitigations.size() >= MAX_MITIGATIONS) {
            throw new InvalidInputException("mitigations", "a risk has at most " + MAX_MITIGATIONS);
        }
        Risk r = copy();
        r.mitigations.add(mitigation);
        r.history.add(new HistoryEntry(now, by, HistoryEntry.Kind.MITIGATION_ADDED, null, null, null, null,
                "mitigation " + mitigation.id() + ": " + abbreviate(mitigation.text())));
        return new Changed(r.frozen(), List.of());
    }

    public Changed changeMitigation(Mitigation changedMitigation, String by, Instant now) {
        requireOpen();
        Mitigation existing = mitigation(changedMitigation.id())
                .orElseThrow(() -> new InvalidInputException("mitigationId", "risk " + code + " has no mitigation " + changedMitigation.id()));
        Risk r = copy();
        LocalDate announced = Objects.equals(existing.dueDate(), changedMitigation.dueDate()) ? existing.overdueAnnouncedFor() : null;
        Mitigation updated = new Mitigation(existing.id(), changedMitigation.text(), changedMitigation.owner(),
                changedMitigation.dueDate(), changedMitigation.status(), changedMitigation.reduces(), announced);
        r.mitigations.replaceAll(m -> m.id().equals(existing.id()) ? updated : m);
        r.history.add(new HistoryEntry(now, by, HistoryEntry.Kind.MITIGATION_CHANGED, null, null, null, null,
                "mitigation " + existing.id() + ": " + existing.status() + " -> " + updated.status()
                        + (Objects.equals(existing.dueDate(), updated.dueDate()) ? "" : ", due " + existing.dueDate() + " -> " + updated.dueDate())));
        return new Changed(r.frozen(), List.of());
    }

    public Changed close(String reason, String by, Instant now) {
        requireOpen();
        String why = checkJustification(reason, "reason");
        Risk r = copy();
        r.status = RiskStatus.CLOSED;
        r.closedReason = why;
        r.history.add(new HistoryEntry(now, by, HistoryEntry.Kind.CLOSED, null, null, null, why, null));
        return new Changed(r.frozen(), List.of(new RiskClosed(id, registerId, code, title, serviceArea, ownerRef(),
                ref(current), why, by, now)));
    }

    /**
     * The scheduled check: the review falls due within {@code notice} days, the review is overdue,
     * or a mitigation is overdue. Each is announced once per date.
     */
    public Optional<Changed> checkDates(LocalDate today, int noticeDays) {
        if (status != RiskStatus.OPEN) {
            return Optional.empty();
        }
        Risk r = copy();
        List<RiskEvent> events = new ArrayList<>();
        if (nextReviewDue != null) {
            if (today.isAfter(nextReviewDue)) {
                if (!nextReviewDue.equals(reviewOverdueAnnouncedFor)) {
                    r.reviewOverdueAnnouncedFor = nextReviewDue;
                    events.add(new RiskReviewOverdue(id, registerId, code, title, serviceArea, ownerRef(), ref(current),
                            reviewFrequency.name(), lastReviewedOn, nextReviewDue,
                            (int) ChronoUnit.DAYS.between(nextReviewDue, today), today));
                }
            } else if (!today.plusDays(noticeDays).isBefore(nextReviewDue) && !nextReviewDue.equals(reviewDueAnnouncedFor)) {
                r.reviewDueAnnouncedFor = nextReviewDue;
                events.add(new RiskReviewDue(id, registerId, code, title, serviceArea, ownerRef(), ref(current),
                        reviewFrequency.name(), lastReviewedOn, nextReviewDue, today));
            }
        }
        for (Mitigation m : mitigations) {
            if (m.isOverdueOn(today) && !m.dueDate().equals(m.overdueAnnouncedFor())) {
                r.mitigations.replaceAll(x -> x.id().equals(m.id()) ? x.announcedOverdue() : x);
                events.add(new MitigationOverdue(id, registerId, code, title, serviceArea, ownerRef(), m.id(), m.text(),
                        m.owner() == null ? null : new PersonRef(m.owner().name(), m.owner().username(), m.owner().email()),
                        m.status().name(), m.dueDate(), today));
            }
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(new Changed(r.frozen(), List.copyOf(events)));
    }

    public boolean isReviewOverdueOn(LocalDate today) {
        return status == RiskStatus.OPEN && nextReviewDue != null && today.isAfter(nextReviewDue);
    }

    private Optional<RiskEscalated> escalation(RiskRegister register, Band previousBand, boolean wasAboveAppetite,
                                               String by, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (current.band().isHigherThan(previousBand)) {
            reasons.add("HIGHER_BAND");
            if (current.band() == register.banding().top()) {
                reasons.add("TOP_BAND");
            }
        }
        if (aboveAppetite && !wasAboveAppetite) {
            reasons.add("ABOVE_APPETITE");
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RiskEscalated(id, registerId, registerName, code, title, category, serviceArea, ownerRef(),
                reasons, previousBand.name(), ref(current), appetite, by, now));
    }

    private void evaluateAppetite(RiskRegister register) {
        Appetite a = register.appetiteFor(category);
        appetite = a == null ? null : a.describe();
        aboveAppetite = a != null && a.isExceededBy(current);
    }

    private Assessment get(Which which) {
        return switch (which) {
            case ORIGINAL -> original;
            case CURRENT -> current;
            case TARGET -> target;
        };
    }

    private void set(Which which, Assessment value) {
        switch (which) {
            case ORIGINAL -> original = value;
            case CURRENT -> current = value;
            case TARGET -> target = value;
        }
    }

    private void requireOpen() {
        if (status != RiskStatus.OPEN) {
            throw new InvalidInputException("status", "risk " + code + " is closed");
        }
    }

    public Optional<Mitigation> mitigation(String mitigationId) {
        return mitigations.stream().filter(m -> m.id().equals(mitigationId)).findFirst();
    }

    /** Usernames who own this risk or one of its mitigations (for the write rule on mitigations). */
    public List<String> ownerUsernames(boolean withMitigationOwners) {
        List<String> owners = new ArrayList<>();
        if (owner != null && owner.username() != null) {
            owners.add(owner.username());
        }
        if (withMitigationOwners) {
            mitigations.stream().map(Mitigation::owner).filter(Objects::nonNull).map(Person::username)
                    .filter(Objects::nonNull).forEach(owners::add);
        }
        return owners;
    }

    public static String checkCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "must not be blank");
        }
        Text.oneLine("code", code);
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.length() > MAX_CODE || !CODE.matcher(c).matches()) {
            throw new InvalidInputException("code", "must be 1-" + MAX_CODE + " letters, digits, '.', '_', '/' or '-'");
        }
        return c;
    }

    /**
     * The service area a risk raised in {@code register} has: the one given, else the register's. A
     * risk always has one: 400 naming {@code serviceArea} when neither gives it.
     */
    public static String serviceAreaIn(RiskRegister register, String serviceArea) {
        Text.oneLine("serviceArea", serviceArea);
        String area = serviceArea == null || serviceArea.isBlank() ? register.serviceArea() : serviceArea.strip();
        if (area == null || area.isBlank()) {
            throw new InvalidInputException("serviceArea", "must be given: register '" + register.name()
                    + "' has no service area of its own, and a risk always has one");
        }
        return area;
    }

    private static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        Text.oneLine("title", title);
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "must be at most " + MAX_TITLE + " characters");
        }
        return title.strip();
    }

    private static String checkText(String text, String field) {
        Text.multiLine(field, text);
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
        }
        return text == null || text.isBlank() ? null : text.strip();
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
        return owner == null ? null : new PersonRef(owner.name(), owner.username(), owner.email());
    }

    public String id() { return id; }
    public String registerId() { return registerId; }
    public String registerName() { return registerName; }
    public String code() { return code; }
    public String title() { return title; }
    public String description() { return description; }
    public String riskFactors() { return riskFactors; }
    public String category() { return category; }
    public Person owner() { return owner; }
    public String serviceArea() { return serviceArea; }
    public Assessment original() { return original; }
    public Assessment current() { return current; }
    public Assessment target() { return target; }
    public Assessment assessment(Which which) { return get(which); }
    public boolean aboveAppetite() { return aboveAppetite; }
    public String appetite() { return appetite; }
    public List<Mitigation> mitigations() { return mitigations; }
    public ReviewFrequency reviewFrequency() { return reviewFrequency; }
    public LocalDate lastReviewedOn() { return lastReviewedOn; }
    public LocalDate nextReviewDue() { return nextReviewDue; }
    public LocalDate reviewDueAnnouncedFor() { return reviewDueAnnouncedFor; }
    public LocalDate reviewOverdueAnnouncedFor() { return reviewOverdueAnnouncedFor; }
    public RiskStatus status() { return status; }
    public String closedReason() { return closedReason; }
    public int frameworkRevision() { return frameworkRevision; }
    public List<HistoryEntry> history() { return history; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
