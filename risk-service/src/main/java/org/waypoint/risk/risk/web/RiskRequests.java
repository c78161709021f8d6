package org.waypoint.risk.risk.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.risk.application.NewMitigation;
import org.waypoint.risk.risk.application.RaiseRisk;
import org.waypoint.risk.risk.domain.DetailsChange;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.MitigationStatus;
import org.waypoint.risk.risk.domain.Person;
import org.waypoint.risk.risk.domain.ReviewFrequency;
import org.waypoint.risk.risk.domain.Risk;

/** JSON bodies of the risks API. Unknown fields are refused. */
public final class RiskRequests {

    private RiskRequests() {
    }

    public record RatingRequest(@NotNull @Min(1) @Max(5) Integer likelihood, @NotNull @Min(1) @Max(5) Integer impact) {
        Rating toRating(String field) {
            return Rating.of(likelihood, impact, field);
        }
    }

    public record PersonRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String username,
                                @Email @Size(max = 254) String email) {
        Person toPerson() {
            return new Person(name, username, email);
        }
    }

    public record MitigationRequest(@NotBlank @Size(max = Mitigation.MAX_TEXT) String text, @Valid PersonRequest owner,
                                    LocalDate dueDate, MitigationStatus status, Mitigation.Reduces reduces) {
        NewMitigation toNew() {
            return new NewMitigation(text, owner == null ? null : owner.toPerson(), dueDate, status, reduces);
        }
    }

    public record RaiseRiskRequest(
            @NotBlank @Size(max = 64) String registerId,
            @NotBlank @Size(max = Risk.MAX_CODE) String code,
            @NotBlank @Size(max = Risk.MAX_TITLE) String title,
            @Size(max = Risk.MAX_TEXT) String description,
            @Size(max = Risk.MAX_TEXT) String riskFactors,
            @NotBlank @Size(max = 100) String category,
            @NotNull @Valid PersonRequest owner,
            @Size(max = 200) String serviceArea,
            @Valid RatingRequest original,
            @NotNull @Valid RatingRequest current,
            @Valid RatingRequest target,
            ReviewFrequency reviewFrequency,
            LocalDate nextReviewDue,
            @Size(max = Risk.MAX_MITIGATIONS) List<@NotNull @Valid MitigationRequest> mitigations) {

        RaiseRisk toCommand() {
            return new RaiseRisk(registerId, code, title, description, riskFactors, category, owner.toPerson(), serviceArea,
                    original == null ? null : original.toRating("original"), current.toRating("current"),
                    target == null ? null : target.toRating("target"), reviewFrequency, nextReviewDue,
                    mitigations(mitigations));
        }

        /** Each mitigation, a wrong one named by its place in the list ({@code mitigations[1].text}). */
        private static List<NewMitigation> mitigations(List<MitigationRequest> mitigations) {
            if (mitigations == null) {
                return List.of();
            }
            List<NewMitigation> out = new java.util.ArrayList<>();
            for (int i = 0; i < mitigations.size(); i++) {
                try {
                    out.add(mitigations.get(i).toNew());
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("mitigations[" + i + "]." + e.field(), e.getMessage());
                }
            }
            return out;
        }
    }

    /** A change of details; {@code serviceArea} or {@code registerId} moves the risk (the caller must be allowed to write there too). */
    public record ChangeRiskRequest(
            @Size(max = Risk.MAX_TITLE) String title,
            @Size(max = Risk.MAX_TEXT) String description,
            @Size(max = Risk.MAX_TEXT) String riskFactors,
            @Size(max = 100) String category,
            @Valid PersonRequest owner,
            @Size(max = 200) String serviceArea,
            @Size(max = 64) String registerId,
            ReviewFrequency reviewFrequency,
            LocalDate nextReviewDue) {

        DetailsChange toDetails() {
            return new DetailsChange(title, description, riskFactors, category, owner == null ? null : owner.toPerson(),
                    serviceArea, registerId, reviewFrequency, nextReviewDue);
        }
    }

    /** @param assessment ORIGINAL, CURRENT (the default) or TARGET */
    public record AssessRequest(@Size(max = 10) String assessment, @NotNull @Min(1) @Max(5) Integer likelihood,
                                @NotNull @Min(1) @Max(5) Integer impact,
                                @NotBlank @Size(max = Risk.MAX_JUSTIFICATION) String justification) {
    }

    /** A review; likelihood and impact only when the current assessment changes. */
    public record ReviewRequest(@Min(1) @Max(5) Integer likelihood, @Min(1) @Max(5) Integer impact,
                                @NotBlank @Size(max = Risk.MAX_JUSTIFICATION) String justification,
                                LocalDate nextReviewDue) {
    }

    public record CloseRequest(@NotBlank @Size(max = Risk.MAX_JUSTIFICATION) String reason) {
    }
}
