package org.waypoint.risk.risk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waypoint.risk.register.domain.Assessment;
import org.waypoint.risk.risk.domain.HistoryEntry;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.Person;
import org.waypoint.risk.risk.domain.Risk;

/** A risk as the API shows it. */
public record RiskResponse(
        String id,
        String registerId,
        String registerName,
        String code,
        String title,
        String description,
        String riskFactors,
        String category,
        PersonResponse owner,
        String serviceArea,
        AssessmentResponse original,
        AssessmentResponse current,
        AssessmentResponse target,
        boolean aboveAppetite,
        String appetite,
        List<MitigationResponse> mitigations,
        String reviewFrequency,
        LocalDate lastReviewedOn,
        LocalDate nextReviewDue,
        boolean reviewOverdue,
        String status,
        String closedReason,
        String createdBy,
        Instant createdAt,
        int historyEntries,
        long version) {

    public record PersonResponse(String name, String username, String email) {
        static PersonResponse of(Person p) {
            return p == null ? null : new PersonResponse(p.name(), p.username(), p.email());
        }
    }

    public record AssessmentResponse(int likelihood, int impact, int score, String band) {
        static AssessmentResponse of(Assessment a) {
            return a == null ? null : new AssessmentResponse(a.likelihood(), a.impact(), a.score(), a.band().name());
        }
    }

    public record MitigationResponse(String id, String text, PersonResponse owner, LocalDate dueDate, String status,
                                     String reduces, boolean overdue) {
        static MitigationResponse of(Mitigation m, LocalDate today) {
            return new MitigationResponse(m.id(), m.text(), PersonResponse.of(m.owner()), m.dueDate(), m.status().name(),
                    m.reduces() == null ? null : m.reduces().name(), m.isOverdueOn(today));
        }
    }

    public record HistoryResponse(Instant at, String by, String kind, String assessment, AssessmentResponse before,
                                  AssessmentResponse after, String justification, String detail) {
        static HistoryResponse of(HistoryEntry h) {
            return new HistoryResponse(h.at(), h.by(), h.kind().name(), h.assessment(), AssessmentResponse.of(h.before()),
                    AssessmentResponse.of(h.after()), h.justification(), h.detail());
        }
    }

    static RiskResponse of(Risk r, LocalDate today) {
        return new RiskResponse(r.id().value(), r.registerId(), r.registerName(), r.code(), r.title(), r.description(),
                r.riskFactors(), r.category(), PersonResponse.of(r.owner()), r.serviceArea(),
                AssessmentResponse.of(r.original()), AssessmentResponse.of(r.current()), AssessmentResponse.of(r.target()),
                r.aboveAppetite(), r.appetite(),
                r.mitigations().stream().map(m -> MitigationResponse.of(m, today)).toList(),
                r.reviewFrequency().name(), r.lastReviewedOn(), r.nextReviewDue(), r.isReviewOverdueOn(today),
                r.status().name(), r.closedReason(), r.createdBy(), r.createdAt(), r.history().size(), r.version());
    }
}
