package org.waypoint.risk.risk.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.waypoint.risk.register.domain.Assessment;
import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.risk.domain.AppetiteStanding;
import org.waypoint.risk.risk.domain.Assessments;
import org.waypoint.risk.risk.domain.HistoryEntry;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.MitigationStatus;
import org.waypoint.risk.risk.domain.Mitigations;
import org.waypoint.risk.risk.domain.Person;
import org.waypoint.risk.risk.domain.Placement;
import org.waypoint.risk.risk.domain.ReviewCycle;
import org.waypoint.risk.risk.domain.ReviewFrequency;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.RiskDetails;
import org.waypoint.risk.risk.domain.RiskId;
import org.waypoint.risk.risk.domain.RiskStatus;

/**
 * A risk as stored in {@code risks}. The document also carries {@code version} and the
 * {@code outbox} of events not yet published, both written by the outbox writer.
 */
public record RiskDocument(
        @Id String id,
        String registerId,
        String registerName,
        String code,
        String title,
        String description,
        String riskFactors,
        String category,
        PersonDocument owner,
        String serviceArea,
        AssessmentDocument original,
        AssessmentDocument current,
        AssessmentDocument target,
        boolean aboveAppetite,
        String appetite,
        List<MitigationDocument> mitigations,
        ReviewFrequency reviewFrequency,
        LocalDate lastReviewedOn,
        LocalDate nextReviewDue,
        LocalDate reviewDueAnnouncedFor,
        LocalDate reviewOverdueAnnouncedFor,
        RiskStatus status,
        String closedReason,
        int frameworkRevision,
        List<HistoryDocument> history,
        String createdBy,
        Instant createdAt,
        long version) {

    public static final String COLLECTION = "risks";

    public record PersonDocument(String name, String username, String email) {
        static PersonDocument from(Person p) {
            return p == null ? null : new PersonDocument(p.name(), p.username(), p.email());
        }

        Person toDomain() {
            return new Person(name, username, email);
        }
    }

    public record AssessmentDocument(int likelihood, int impact, int score, Band band) {
        static AssessmentDocument from(Assessment a) {
            return a == null ? null : new AssessmentDocument(a.likelihood(), a.impact(), a.score(), a.band());
        }

        static Assessment toDomain(AssessmentDocument d) {
            return d == null ? null : new Assessment(d.likelihood, d.impact, d.score, d.band);
        }
    }

    public record MitigationDocument(String id, String text, PersonDocument owner, LocalDate dueDate,
                                     MitigationStatus status, Mitigation.Reduces reduces, LocalDate overdueAnnouncedFor) {
    }

    public record HistoryDocument(Instant at, String by, HistoryEntry.Kind kind, String assessment,
                                  AssessmentDocument before, AssessmentDocument after, String justification, String detail) {
    }

    static RiskDocument from(Risk r) {
        Placement placed = r.placement();
        RiskDetails d = r.details();
        Assessments a = r.assessments();
        ReviewCycle review = r.reviewCycle();
        return new RiskDocument(r.id().value(), placed.registerId(), placed.registerName(), d.code(), d.title(),
                d.description(), d.riskFactors(), d.category(), PersonDocument.from(d.owner()), d.serviceArea(),
                AssessmentDocument.from(a.original()), AssessmentDocument.from(a.current()), AssessmentDocument.from(a.target()),
                r.appetiteStanding().aboveAppetite(), r.appetiteStanding().appetite(),
                r.mitigations().stream().map(m -> new MitigationDocument(m.id(), m.text(), PersonDocument.from(m.owner()),
                        m.dueDate(), m.status(), m.reduces(), m.overdueAnnouncedFor())).toList(),
                review.frequency(), review.lastReviewedOn(), review.nextReviewDue(), review.dueAnnouncedFor(),
                review.overdueAnnouncedFor(), r.status(), r.closedReason(), placed.frameworkRevision(),
                r.history().stream().map(h -> new HistoryDocument(h.at(), h.by(), h.kind(), h.assessment(),
                        AssessmentDocument.from(h.before()), AssessmentDocument.from(h.after()), h.justification(), h.detail())).toList(),
                r.createdBy(), r.createdAt(), r.version());
    }

    /** The risk as stored, not judged again by today's input rules (older data still reads). */
    Risk toDomain() {
        return Risk.restore(new RiskId(id), new Placement(registerId, registerName, frameworkRevision),
                new RiskDetails(code, title, description, riskFactors, category, owner == null ? null : owner.toDomain(),
                        serviceArea),
                new Assessments(AssessmentDocument.toDomain(original), AssessmentDocument.toDomain(current),
                        AssessmentDocument.toDomain(target)),
                new AppetiteStanding(appetite, aboveAppetite),
                new Mitigations(mitigations == null ? List.of() : mitigations.stream().map(m -> new Mitigation(m.id(), m.text(),
                        m.owner() == null ? null : m.owner().toDomain(), m.dueDate(), m.status(), m.reduces(),
                        m.overdueAnnouncedFor())).toList()),
                new ReviewCycle(reviewFrequency, lastReviewedOn, nextReviewDue, reviewDueAnnouncedFor, reviewOverdueAnnouncedFor),
                status, closedReason,
                history == null ? List.of() : history.stream().map(h -> new HistoryEntry(h.at(), h.by(), h.kind(),
                        h.assessment(), AssessmentDocument.toDomain(h.before()), AssessmentDocument.toDomain(h.after()),
                        h.justification(), h.detail())).toList(),
                createdBy, createdAt, version);
    }
}
